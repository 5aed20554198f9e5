package dev.ttsconnector.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The template checks that need no handler classes; handler and environment checks run in the
 * functions module's TemplateTest, where the handlers are.
 */
class TemplateValidatorTest {

    private static final RepositoryLayout LAYOUT = RepositoryLayout.fromWorkingDirectory();
    private static final TemplateValidator VALIDATOR = TemplateValidator.forRepository(LAYOUT, TemplateValidatorTest.class.getClassLoader());

    @Test
    void realTemplate_passesSchemaReferenceQueueAndPatternChecks() {
        // Handler classes live in the functions module, which this module cannot see: functions' TemplateTest checks
        // them against the real jar; here every other check must pass.
        assertThat(VALIDATOR.validate(LAYOUT.template()).stream().map(Object::toString)
                .filter(p -> !p.contains(": Handler class ")))
                .isEmpty();
    }

    @Test
    void maxReceiveCountBelowFive_isRejectedNamingTheQueue() {
        assertThat(problems("dlq-max-receive-count-too-low.yaml"))
                .containsExactly("WorkQueue: RedrivePolicy.maxReceiveCount 2 is below 5");
    }

    @Test
    void fifoQueueWithStandardDlq_isRejectedNamingBothQueues() {
        assertThat(problems("dlq-fifo-mismatch.yaml"))
                .containsExactly("WorkQueue: dead-letter queue WorkDeadLetterQueue must be FIFO like its source queue (SQS rule)");
    }

    @Test
    void visibilityTimeoutBelowSixTimesConsumerTimeout_isRejectedNamingQueueAndConsumer() {
        assertThat(problems("visibility-timeout-below-six-times-consumer-timeout.yaml"))
                .contains("WorkQueue: VisibilityTimeout 60 s is less than 6 x the Timeout of its consumer WorkFunction (30 s); needs >= 180 s");
    }

    @Test
    void sqsEventWithoutReportBatchItemFailures_isRejectedNamingFunctionAndEvent() {
        assertThat(problems("sqs-event-without-report-batch-item-failures.yaml"))
                .anySatisfy(p -> assertThat(p).startsWith("WorkFunction: SQS event Work lacks FunctionResponseTypes: [ReportBatchItemFailures]"));
    }

    @Test
    void eventPatternThatDoesNotCompile_isRejectedNamingTheRule() {
        assertThat(problems("event-pattern-not-compiling.yaml"))
                .singleElement().satisfies(p -> assertThat(p).startsWith("BrokenRule: EventPattern does not compile in event-ruler"));
    }

    @Test
    void unknownPropertyOnSamResource_isRejectedBySamSchema() {
        assertThat(problems("sam-schema-violation.yaml"))
                .singleElement().satisfies(p -> assertThat(p).startsWith("Api: SAM schema:").contains("NoSuchProperty"));
    }

    @Test
    void unknownPropertyInGlobals_isRejectedBySamSchema() {
        assertThat(problems("globals-schema-violation.yaml"))
                .singleElement().satisfies(p -> assertThat(p).startsWith("Globals: SAM schema:").contains("NoSuchGlobal"));
    }

    @Test
    void danglingSubVariableAndGetAtt_areRejectedNamingTargetAndOwner() {
        assertThat(problems("sub-and-getatt-dangling.yaml")).containsExactlyInAnyOrder(
                "Bus: Fn::Sub variable '${Missing}' (at Properties.Name) targets no resource, parameter or pseudo-parameter",
                "Outputs.BusArn: GetAtt 'Nowhere.Arn' (at Value) targets no resource");
    }

    private static List<String> problems(String fixture) {
        try {
            Path path = Path.of(TemplateValidatorTest.class.getResource("/fixtures/templates/" + fixture).toURI());
            return VALIDATOR.validate(path).stream().map(TemplateValidator.Problem::toString).toList();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
