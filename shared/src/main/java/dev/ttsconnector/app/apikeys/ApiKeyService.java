package dev.ttsconnector.app.apikeys;

import dev.ttsconnector.api.ApiError;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.Authenticator;
import dev.ttsconnector.api.Principal;
import dev.ttsconnector.common.Clock;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates, authenticates, lists and revokes API keys.
 *
 * <p>A key is {@code ttsk_} followed by 32 random bytes in unpadded base64url; only its SHA-256 is stored, so the
 * plaintext is returned once by {@link #create} and never again. Bootstrap admin keys are configured as SHA-256
 * hex hashes (never stored, never revocable through the API: remove them from the configuration) so the first
 * admin can create keys. {@link #authenticate} throws 401 for unknown, malformed and revoked keys and records
 * {@code lastUsedAt} at most once per {@link #LAST_USED_RESOLUTION}.
 */
public final class ApiKeyService implements Authenticator {

    public static final String KEY_PREFIX = "ttsk_";
    /** {@code lastUsedAt} is written at most this often per key: a write per request would double API cost. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(5);
    static final int MAX_NAME_LENGTH = 100;
    private static final System.Logger LOG = System.getLogger(ApiKeyService.class.getName());
    // Integration ids end up inside DynamoDB keys (INT#<id>#...): no '#', no whitespace or control characters.
    private static final Pattern INTEGRATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final ApiKeyStore store;
    private final Clock clock;
    private final List<byte[]> bootstrapHashes;
    private final SecureRandom random;

    /**
     * @param bootstrapAdminHashes SHA-256 hex hashes (64 hex digits, any case) of keys accepted as admin without
     *                             being stored
     * @throws IllegalArgumentException if a bootstrap hash is not 64 hex digits
     */
    public ApiKeyService(ApiKeyStore store, Clock clock, Collection<String> bootstrapAdminHashes) {
        this(store, clock, bootstrapAdminHashes, new SecureRandom());
    }

    ApiKeyService(ApiKeyStore store, Clock clock, Collection<String> bootstrapAdminHashes, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        List<byte[]> hashes = new ArrayList<>();
        for (String hash : bootstrapAdminHashes) {
            String normal = hash.strip().toLowerCase(java.util.Locale.ROOT);
            if (!ApiKeyHashes.isSha256Hex(normal)) {
                throw new IllegalArgumentException("bootstrap admin key hash must be 64 hex digits (SHA-256), got "
                        + normal.length() + " characters");
            }
            hashes.add(normal.getBytes(StandardCharsets.US_ASCII));
        }
        this.bootstrapHashes = List.copyOf(hashes);
    }

    /**
     * Creates a key and returns its plaintext once.
     *
     * @param integrationIds ids the key is scoped to; must be empty for an admin key and non-empty otherwise
     * @throws ApiException 400 {@code validation_failed} naming {@code name} or {@code integrationIds[i]}
     */
    public CreatedApiKey create(String name, Collection<String> integrationIds, boolean admin) {
        List<ApiError.FieldError> errors = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            errors.add(new ApiError.FieldError("name", "name is required"));
        } else if (trimmed.length() > MAX_NAME_LENGTH) {
            errors.add(new ApiError.FieldError("name", "name must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        List<String> ids = integrationIds == null ? List.of() : new ArrayList<>(integrationIds);
        if (admin && !ids.isEmpty()) {
            errors.add(new ApiError.FieldError("integrationIds",
                    "an admin key sees every integration; omit integrationIds or set admin to false"));
        } else if (!admin && ids.isEmpty()) {
            errors.add(new ApiError.FieldError("integrationIds",
                    "a non-admin key needs at least one integration id"));
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !INTEGRATION_ID.matcher(id).matches()) {
                errors.add(new ApiError.FieldError("integrationIds[" + i + "]",
                        "integration id must be 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter"
                                + " or digit"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String plaintext = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), trimmed, ApiKeyHashes.sha256Hex(plaintext), admin,
                new LinkedHashSet<>(ids), clock.now(), null, false);
        store.create(key);
        return new CreatedApiKey(key, plaintext);
    }

    /**
     * The principal of a presented key.
     *
     * @throws ApiException 401 {@code unauthorized} for an unknown, malformed or revoked key
     */
    @Override
    public Principal authenticate(String plaintext) {
        if (plaintext == null || plaintext.isBlank()) {
            throw ApiException.unauthorized("Missing API key");
        }
        String hash = ApiKeyHashes.sha256Hex(plaintext);
        byte[] hashBytes = hash.getBytes(StandardCharsets.US_ASCII);
        for (byte[] bootstrap : bootstrapHashes) {
            if (MessageDigest.isEqual(bootstrap, hashBytes)) {
                return Principal.admin("bootstrap-" + hash.substring(0, 12), "bootstrap admin");
            }
        }
        // Issued keys all carry the prefix; anything else cannot be one, so spare the table the read.
        if (!plaintext.startsWith(KEY_PREFIX)) {
            throw ApiException.unauthorized("Invalid API key");
        }
        ApiKey key = store.findByHash(hash).orElseThrow(() -> ApiException.unauthorized("Invalid API key"));
        if (key.revoked()) {
            throw ApiException.unauthorized("This API key has been revoked");
        }
        recordUse(key);
        return key.admin()
                ? Principal.admin(key.id(), key.name())
                : Principal.scoped(key.id(), key.name(), key.integrationIds());
    }

    private void recordUse(ApiKey key) {
        Instant now = clock.now();
        if (key.lastUsedAt() != null && !key.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            return;
        }
        try {
            store.recordUse(key.hash(), now, now.minus(LAST_USED_RESOLUTION));
        } catch (RuntimeException e) {
            // lastUsedAt is informational: a failed write must not refuse an otherwise valid request.
            LOG.log(Level.WARNING, "could not record use of API key " + key.id() + ": " + e.getClass().getSimpleName());
        }
    }

    /** Every key, revoked ones included, oldest first. */
    public List<ApiKey> list() {
        return store.list();
    }

    /**
     * Revokes a key; revoking a revoked key succeeds again.
     *
     * @throws ApiException 404 if there is no key with this id
     */
    public ApiKey revoke(String id) {
        return store.revoke(id).orElseThrow(() -> ApiException.notFound("API key", id));
    }

    /** The key with this id. */
    public Optional<ApiKey> find(String id) {
        return store.findById(id);
    }
}
