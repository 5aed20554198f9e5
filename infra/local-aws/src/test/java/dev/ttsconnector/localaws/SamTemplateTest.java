package dev.ttsconnector.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    private static final SamTemplate REAL = SamTemplate.load(RepositoryLayout.fromWorkingDirectory().template());

    @Test
    void parse_shortFormIntrinsics_becomeLongForms() {
        SamTemplate template = SamTemplate.parse("""
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                  NotProd: !Not [!Condition IsProd]
                Resources:
                  Thing:
                    Type: AWS::SQS::Queue
                    Properties:
                      A: !Ref Stage
                      B: !GetAtt Other.Arn
                      C: !Sub "${Stage}-x"
                      D: !Join ["-", [a, b]]
                      E: !If [IsProd, 1, 2]
                      F: !Select [0, !Split [",", "a,b"]]
                      G: !FindInMap [M, k, v]
                      H: !ImportValue shared-export
                      I: !GetAZs ''
                      J: !Base64 text
                      K: !Cidr [10.0.0.0/16, 2, 8]
                      L: !And [!Condition IsProd, !Or [!Condition IsProd, !Condition NotProd]]
                      Version: 2012-10-17
                """);
        Map<String, Object> p = template.resources().get("Thing").properties();

        assertThat(p.get("A")).isEqualTo(Map.of("Ref", "Stage"));
        assertThat(p.get("B")).isEqualTo(Map.of("Fn::GetAtt", List.of("Other", "Arn")));
        assertThat(p.get("C")).isEqualTo(Map.of("Fn::Sub", "${Stage}-x"));
        assertThat(p.get("D")).isEqualTo(Map.of("Fn::Join", List.of("-", List.of("a", "b"))));
        assertThat(p.get("E")).isEqualTo(Map.of("Fn::If", List.of("IsProd", 1, 2)));
        assertThat(p.get("F")).isEqualTo(Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of(",", "a,b")))));
        assertThat(p.get("G")).isEqualTo(Map.of("Fn::FindInMap", List.of("M", "k", "v")));
        assertThat(p.get("H")).isEqualTo(Map.of("Fn::ImportValue", "shared-export"));
        assertThat(p.get("I")).isEqualTo(Map.of("Fn::GetAZs", ""));
        assertThat(p.get("J")).isEqualTo(Map.of("Fn::Base64", "text"));
        assertThat(p.get("K")).isEqualTo(Map.of("Fn::Cidr", List.of("10.0.0.0/16", 2, 8)));
        assertThat(p.get("L")).isEqualTo(Map.of("Fn::And", List.of(Map.of("Condition", "IsProd"),
                Map.of("Fn::Or", List.of(Map.of("Condition", "IsProd"), Map.of("Condition", "NotProd"))))));
        assertThat(p.get("Version")).isEqualTo("2012-10-17");
        assertThat(template.conditions().get("NotProd")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))));
    }

    @Test
    void parse_duplicateKey_isRejectedNamingTheKey() {
        assertThatThrownBy(() -> SamTemplate.parse("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A");
    }

    @Test
    void realTemplate_table_hasKeysGsisTtlAndPitr() {
        SamTemplate.Table table = REAL.tables().get(0);

        assertThat(REAL.tables()).hasSize(1);
        assertThat(table.logicalId()).isEqualTo("ConnectorTable");
        assertThat(table.hashKey()).isEqualTo(new SamTemplate.KeyAttribute("PK", "S"));
        assertThat(table.rangeKey()).contains(new SamTemplate.KeyAttribute("SK", "S"));
        assertThat(table.globalSecondaryIndexes()).containsExactly(
                new SamTemplate.GlobalSecondaryIndex("GSI1", new SamTemplate.KeyAttribute("GSI1PK", "S"),
                        Optional.of(new SamTemplate.KeyAttribute("GSI1SK", "S")), "ALL"),
                new SamTemplate.GlobalSecondaryIndex("GSI2", new SamTemplate.KeyAttribute("GSI2PK", "S"),
                        Optional.of(new SamTemplate.KeyAttribute("GSI2SK", "S")), "ALL"));
        assertThat(table.billingMode()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.timeToLiveAttribute()).contains("expiresAt");
        assertThat(table.pointInTimeRecovery()).isTrue();
    }

    @Test
    void realTemplate_everyWorkQueue_hasAFifoMatchingDlqWithMaxReceiveCount5() {
        Map<String, Boolean> expectedFifo = Map.of("OrderPullQueue", true, "OrderFetchQueue", false, "WebhookQueue", false,
                "InventoryPushQueue", true, "FulfillmentPushQueue", true, "ProductSyncQueue", false, "ResyncQueue", false);

        expectedFifo.forEach((name, fifo) -> {
            SamTemplate.Queue queue = REAL.queue(name).orElseThrow();
            assertThat(queue.fifo()).as(name).isEqualTo(fifo);
            SamTemplate.Redrive redrive = queue.redrive().orElseThrow();
            assertThat(redrive.maxReceiveCount()).as(name).isEqualTo(5);
            SamTemplate.Queue dlq = REAL.queue(redrive.deadLetterQueueLogicalId()).orElseThrow();
            assertThat(dlq.fifo()).as(name + " DLQ").isEqualTo(fifo);
            assertThat(dlq.messageRetentionPeriodSeconds()).as(name + " DLQ").contains(14 * 24 * 3600);
            assertThat(dlq.redrive()).isEmpty();
        });
        assertThat(REAL.queues()).hasSize(2 * expectedFifo.size());
    }

    @Test
    void realTemplate_resyncRule_routesResyncRequestedOnAppBusToResyncQueue() {
        SamTemplate.EventRule rule = REAL.eventRules().stream()
                .filter(r -> r.logicalId().equals("ResyncRequestedRule")).findFirst().orElseThrow();

        assertThat(rule.busLogicalId()).contains("AppBus");
        assertThat(rule.eventPatternJson()).contains("{\"source\":[\"tts-connector.api\"],\"detail-type\":[\"ResyncRequested\"]}");
        assertThat(rule.targets()).extracting(SamTemplate.RuleTarget::queueLogicalId).containsExactly(Optional.of("ResyncQueue"));
    }

    @Test
    void realTemplate_parameters_haveSpecDefaults() {
        assertThat(REAL.parameters().get("OrderPullSchedule").defaultValue()).contains("rate(5 minutes)");
        assertThat(REAL.parameters().get("TtsApiBaseUrl").defaultValue()).contains("https://open-api.tiktokglobalshop.com");
        assertThat(REAL.parameters().get("TtsAuthBaseUrl").defaultValue()).contains("https://auth.tiktok-shops.com");
        assertThat(REAL.parameters().get("TtsAuthorizeUrl").defaultValue()).contains("https://services.tiktokshop.com/open/authorize");
        assertThat(REAL.parameters().get("Stage").allowedValues()).contains("prod");
    }

    @Test
    void function_mergesGlobalsAndParsesEverySupportedEventType() {
        SamTemplate template = SamTemplate.parse("""
                Parameters:
                  PullSchedule: {Type: String, Default: rate(5 minutes)}
                Globals:
                  Function:
                    Handler: dev.example.Default::handleRequest
                    Timeout: 20
                    Environment:
                      Variables: {TABLE_NAME: !Ref Table, SHARED: g}
                Resources:
                  Table: {Type: AWS::DynamoDB::Table}
                  Queue: {Type: AWS::SQS::Queue}
                  Api: {Type: AWS::Serverless::HttpApi}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.example.PullHandler
                      MemorySize: 512
                      Environment:
                        Variables: {SHARED: own, QUEUE_URL: !Ref Queue}
                      Events:
                        Work:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                            BatchSize: 5
                            MaximumBatchingWindowInSeconds: 2
                            FunctionResponseTypes: [ReportBatchItemFailures]
                        Pull:
                          Type: ScheduleV2
                          Properties: {ScheduleExpression: !Ref PullSchedule}
                        Hourly:
                          Type: Schedule
                          Properties: {Schedule: rate(1 hour), Enabled: false}
                        Route:
                          Type: HttpApi
                          Properties: {ApiId: !Ref Api, Method: post, Path: /webhooks/tiktok}
                        Bus:
                          Type: EventBridgeRule
                          Properties: {EventBusName: !Ref Bus, Pattern: {source: [a]}}
                """);
        SamTemplate.FunctionDefinition fn = template.function("Fn").orElseThrow();

        assertThat(fn.handler()).isEqualTo("dev.example.PullHandler");
        assertThat(fn.handlerClassName()).isEqualTo("dev.example.PullHandler");
        assertThat(fn.timeoutSeconds()).isEqualTo(20);
        assertThat(fn.memorySizeMb()).isEqualTo(512);
        assertThat(fn.environment()).containsEntry("SHARED", "own").containsEntry("TABLE_NAME", Map.of("Ref", "Table"))
                .containsEntry("QUEUE_URL", Map.of("Ref", "Queue"));
        assertThat(fn.events()).containsExactly(
                new SamTemplate.SqsEvent("Work", Optional.of("Queue"), Map.of("Fn::GetAtt", List.of("Queue", "Arn")), 5, 2,
                        List.of("ReportBatchItemFailures")),
                new SamTemplate.ScheduleEvent("Pull", "ScheduleV2", "rate(5 minutes)", Optional.of(Duration.ofMinutes(5)), true),
                new SamTemplate.ScheduleEvent("Hourly", "Schedule", "rate(1 hour)", Optional.of(Duration.ofHours(1)), false),
                new SamTemplate.HttpApiEvent("Route", "POST", "/webhooks/tiktok", Optional.of("Api")),
                new SamTemplate.EventBridgeRuleEvent("Bus", "{\"source\":[\"a\"]}", Optional.of("Bus"), Map.of("Ref", "Bus")));
    }

    @Test
    void rate_parsesUnitsAndIgnoresCron() {
        assertThat(SamTemplate.rate("rate(1 minute)")).contains(Duration.ofMinutes(1));
        assertThat(SamTemplate.rate("rate(2 days)")).contains(Duration.ofDays(2));
        assertThat(SamTemplate.rate("cron(0 12 * * ? *)")).isEmpty();
    }

    @Test
    void queue_redriveToSomethingOtherThanQueueArn_isRejectedNamingTheQueue() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy: {deadLetterTargetArn: arn:aws:sqs:us-east-1:1:x, maxReceiveCount: 5}
                """);

        assertThatThrownBy(() -> template.queue("Q"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Q.RedrivePolicy.deadLetterTargetArn");
    }

    @Test
    void evaluateWithDefaults_resolvesParametersSubJoinIfAndConditions() {
        SamTemplate template = SamTemplate.parse("""
                Parameters:
                  Stage: {Type: String, Default: prod}
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                Resources: {}
                """);

        assertThat(template.evaluateWithDefaults(Map.of("Fn::Sub", "tts-${Stage}-${AWS::Region}-${!Literal}")))
                .isEqualTo("tts-prod-us-east-1-${Literal}");
        assertThat(template.evaluateWithDefaults(Map.of("Fn::Join", List.of("/", List.of("a", Map.of("Ref", "Stage"))))))
                .isEqualTo("a/prod");
        assertThat(template.evaluateWithDefaults(Map.of("Fn::If", List.of("IsProd", "yes", "no")))).isEqualTo("yes");
        assertThat(template.evaluateWithDefaults(List.of("a", Map.of("Ref", "AWS::NoValue")))).isEqualTo(List.of("a"));
    }
}
