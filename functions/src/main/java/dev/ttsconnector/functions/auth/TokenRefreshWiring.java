package dev.ttsconnector.functions.auth;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.functions.support.Env;
import java.util.HashMap;
import java.util.Map;

/** Environment of {@link TokenRefreshHandler}: the table, the vault key and the TikTok app (see IntegrationWiring). */
final class TokenRefreshWiring {

    private TokenRefreshWiring() {
    }

    static IntegrationWiring fromEnvironment() {
        // Literal names: the template test checks every Env.require name is set on the function.
        Map<String, String> values = new HashMap<>();
        values.put(IntegrationWiring.TABLE_NAME, Env.require("TABLE_NAME"));
        values.put(IntegrationWiring.TOKEN_KMS_KEY_ARN, Env.optional("TOKEN_KMS_KEY_ARN", ""));
        values.put(IntegrationWiring.LOCAL_TOKEN_KEY, Env.optional("LOCAL_TOKEN_KEY", ""));
        values.put(IntegrationWiring.TTS_APP_CREDENTIALS_SECRET_ARN, Env.optional("TTS_APP_CREDENTIALS_SECRET_ARN", ""));
        values.put("TTS_APP_KEY", Env.optional("TTS_APP_KEY", ""));
        values.put("TTS_APP_SECRET", Env.optional("TTS_APP_SECRET", ""));
        values.put("TTS_SERVICE_ID", Env.optional("TTS_SERVICE_ID", ""));
        values.put("TTS_API_BASE_URL", Env.optional("TTS_API_BASE_URL", ""));
        values.put("TTS_AUTH_BASE_URL", Env.optional("TTS_AUTH_BASE_URL", ""));
        values.put("TTS_AUTHORIZE_URL", Env.optional("TTS_AUTHORIZE_URL", ""));
        return new IntegrationWiring(values::get, Clock.system());
    }
}
