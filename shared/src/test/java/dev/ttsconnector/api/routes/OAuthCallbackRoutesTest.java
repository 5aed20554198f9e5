package dev.ttsconnector.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OAuthCallbackRoutesTest {

    @Test
    void integrationPage_appendsTheConsolesHashRouteOfTheIntegration() {
        assertThat(OAuthCallbackRoutes.integrationPage("/console/", "int_7a"))
                .isEqualTo("/console/#/integrations/int_7a");
        assertThat(OAuthCallbackRoutes.integrationPage("https://ops.example.com/console/#/integrations", "a b&c"))
                .isEqualTo("https://ops.example.com/console/#/integrations/a+b%26c");
    }
}
