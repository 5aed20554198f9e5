package dev.ttsconnector.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The project's JSON mappers. Built once per container (they are thread-safe after configuration).
 *
 * <ul>
 *   <li>{@link #app()}: our own API, queue messages and stored records. Strict: unknown fields, wrong types
 *       and scalar coercions are errors (bad input is refused, never half-applied). Instants are ISO-8601.</li>
 *   <li>{@link #tiktok()}: TikTok responses and webhooks. Lenient on unknown fields (TikTok adds fields
 *       without notice), Instants as Unix seconds (spec §1), big integers kept exact.</li>
 * </ul>
 * Ids are always strings: TikTok ids are 18–19 digits and lose precision as doubles (spec §15).
 */
public final class Json {

    private static final ObjectMapper APP = buildApp();
    private static final ObjectMapper TIKTOK = buildTikTok();

    private Json() {
    }

    public static ObjectMapper app() {
        return APP;
    }

    public static ObjectMapper tiktok() {
        return TIKTOK;
    }

    private static ObjectMapper buildApp() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        // "12" must not silently become 12 or true; a wrong type is the caller's mistake to hear about.
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    private static ObjectMapper buildTikTok() {
        // Instants travel as Unix seconds (not millis) in TikTok payloads: an integer reads as seconds
        // (READ_DATE_TIMESTAMPS_AS_NANOSECONDS, the default) and is written back as whole seconds.
        SimpleModule seconds = new SimpleModule("unix-seconds");
        seconds.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(value.getEpochSecond());
            }
        });
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(seconds)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .build();
    }
}
