package dev.ttsconnector.api;

/** Who may call a route; checked by the {@link Router} before the handler runs. */
public enum Access {
    /** No key needed. Every public {@code /v1} route must carry {@code security: []} in openapi.json. */
    PUBLIC,
    /** Any valid, unrevoked key; the handler narrows by {@link Principal#requireIntegration(String)}. */
    AUTHENTICATED,
    /**
     * Any valid key allowed to see the integration named by the {@code {id}} path parameter of a template
     * starting {@code /v1/integrations/{id}}; others get the same 404 as a missing integration (R9).
     */
    INTEGRATION,
    /** Admin keys only; scoped keys get 403. */
    ADMIN
}
