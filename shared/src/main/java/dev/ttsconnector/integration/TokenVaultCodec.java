package dev.ttsconnector.integration;

/**
 * The plaintext form of {@link ShopTokens} that vault adapters encrypt (JSON). Public for the adapters in
 * {@code store.dynamodb}; the bytes are secret and must never be logged or stored unencrypted.
 */
public final class TokenVaultCodec {

    private TokenVaultCodec() {
    }

    public static byte[] encode(ShopTokens tokens) {
        return tokens.toBytes();
    }

    public static ShopTokens decode(byte[] plaintext) {
        return ShopTokens.fromBytes(plaintext);
    }
}
