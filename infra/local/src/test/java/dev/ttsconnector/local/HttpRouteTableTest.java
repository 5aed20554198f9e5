package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRouteTableTest {

    private final HttpRouteTable table = new HttpRouteTable(List.of(
            new HttpRouteTable.Route("Proxy", "ANY", "/{proxy+}"),
            new HttpRouteTable.Route("Orders", "GET", "/v1/orders/{id}"),
            new HttpRouteTable.Route("OrdersAny", "ANY", "/v1/orders/{id}"),
            new HttpRouteTable.Route("Export", "GET", "/v1/orders/export"),
            new HttpRouteTable.Route("Webhooks", "ANY", "/webhooks/{proxy+}"),
            new HttpRouteTable.Route("Fallback", "ANY", "$default")));

    @Test
    void match_exactPathBeatsVariableAndGreedy() {
        assertThat(table.match("GET", "/v1/orders/export").orElseThrow().route().functionId()).isEqualTo("Export");
    }

    @Test
    void match_methodSpecificBeatsAnyOnTheSamePath() {
        HttpRouteTable.Match m = table.match("get", "/v1/orders/42").orElseThrow();

        assertThat(m.route().functionId()).isEqualTo("Orders");
        assertThat(m.pathParameters()).isEqualTo(Map.of("id", "42"));
        assertThat(table.match("DELETE", "/v1/orders/42").orElseThrow().route().functionId()).isEqualTo("OrdersAny");
    }

    @Test
    void match_longerGreedyPrefixBeatsRootProxy_andGreedyValueKeepsSlashes() {
        HttpRouteTable.Match m = table.match("POST", "/webhooks/tiktok/x").orElseThrow();

        assertThat(m.route().functionId()).isEqualTo("Webhooks");
        assertThat(m.pathParameters()).isEqualTo(Map.of("proxy", "tiktok/x"));
        assertThat(table.match("GET", "/anything").orElseThrow().route().routeKey()).isEqualTo("ANY /{proxy+}");
    }

    @Test
    void match_nothingElse_usesDefaultRoute_andRootPathIsNotMatchedByGreedyVariable() {
        HttpRouteTable.Match m = table.match("GET", "/").orElseThrow();

        assertThat(m.route().routeKey()).isEqualTo("$default");
        assertThat(new HttpRouteTable(List.of(new HttpRouteTable.Route("P", "ANY", "/{proxy+}"))).match("GET", "/")).isEmpty();
    }

    @Test
    void match_variableSegmentIsDecoded_andSegmentCountMustAgree() {
        assertThat(table.match("GET", "/v1/orders/a%2Fb").orElseThrow().pathParameters()).isEqualTo(Map.of("id", "a/b"));
        assertThat(HttpRouteTable.matchPath("/v1/orders/{id}", "/v1/orders/1/lines")).isNull();
        assertThat(HttpRouteTable.matchPath("/v1/orders/{id}", "/v1/orders")).isNull();
    }

    @Test
    void constructor_sameRouteKeyOnTwoFunctions_isRejectedNamingBoth() {
        assertThatThrownBy(() -> new HttpRouteTable(List.of(new HttpRouteTable.Route("A", "GET", "/x"),
                new HttpRouteTable.Route("B", "GET", "/x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET /x").hasMessageContaining("A").hasMessageContaining("B");
    }
}
