package dev.ttsconnector.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.localaws.RepositoryLayout;
import dev.ttsconnector.localaws.TemplateValidator;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * template.yaml is deployable as far as we can tell without AWS: it passes the SAM schema and the
 * project's own checks (see {@link TemplateValidator}), with handlers loaded from the functions
 * module's main classes only. Broken copies (fixtures/templates) prove each check names the problem.
 */
class TemplateTest {

    private static final RepositoryLayout LAYOUT = RepositoryLayout.fromWorkingDirectory();
    private static final Path TEST_CLASSES = location(TemplateTest.class);
    private static final Path TEST_SOURCES = LAYOUT.root().resolve("functions/src/test/java");

    /** Handlers as deployed: main classes and dependencies, never this module's test classes. */
    private static final TemplateValidator DEPLOYED = TemplateValidator.forRepository(LAYOUT, new MainClassesOnly());

    /** Fixtures reference test-only handlers; their getenv reads are scanned in src/test/java. */
    private static final TemplateValidator FIXTURES = new TemplateValidator(LAYOUT.samSchema(),
            TemplateTest.class.getClassLoader(), TEST_SOURCES);

    @Test
    void template_passesSamSchemaAndAllOwnChecks() {
        assertThat(DEPLOYED.validate(LAYOUT.template())).isEmpty();
    }

    @Test
    void fixture_validFunction_passes() {
        assertThat(problems("valid-function.yaml")).isEmpty();
    }

    @Test
    void fixture_renamedHandler_isRejectedNamingFunctionAndClass() {
        assertThat(problems("renamed-handler.yaml")).containsExactly(
                "WorkFunction: Handler class dev.ttsconnector.functions.templatefixture.RenamedQueueHandler does not exist in the functions code");
    }

    @Test
    void fixture_handlerThatIsNoRequestHandler_isRejectedNamingTheClass() {
        assertThat(problems("handler-not-a-request-handler.yaml")).containsExactly(
                "WorkFunction: Handler class dev.ttsconnector.functions.templatefixture.NotAHandler implements neither RequestHandler nor RequestStreamHandler");
    }

    @Test
    void fixture_queueWithoutDlq_isRejectedNamingTheQueue() {
        assertThat(problems("queue-without-dlq.yaml")).containsExactly(
                "WorkQueue: queue has no RedrivePolicy: every queue needs a dead-letter queue (maxReceiveCount >= 5)");
    }

    @Test
    void fixture_danglingRef_isRejectedNamingTargetAndPlace() {
        assertThat(problems("dangling-ref.yaml")).containsExactly(
                "Globals: Ref 'ConnectorTable' (at Function.Environment.Variables.TABLE_NAME) targets no resource, parameter or pseudo-parameter");
    }

    @Test
    void fixture_environmentVariableReadButNotSet_isRejectedNamingVariableAndFile() {
        assertThat(problems("environment-variable-not-set.yaml")).containsExactly(
                "WorkFunction: environment variable FIXTURE_QUEUE_URL is read by FixtureQueueHandler.java"
                        + " but set neither on the function nor in Globals.Function.Environment");
    }

    private static List<String> problems(String fixture) {
        Path path = location(TemplateTest.class.getResource("/fixtures/templates/" + fixture));
        return FIXTURES.validate(path).stream().map(TemplateValidator.Problem::toString).toList();
    }

    private static Path location(Class<?> type) {
        return location(type.getProtectionDomain().getCodeSource().getLocation());
    }

    private static Path location(URL url) {
        try {
            return Path.of(url.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delegates to the test class loader but refuses classes compiled from src/test. */
    private static final class MainClassesOnly extends ClassLoader {
        MainClassesOnly() {
            super(TemplateTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            Class<?> type = super.loadClass(name, resolve);
            var source = type.getProtectionDomain().getCodeSource();
            if (source != null && location(source.getLocation()).equals(TEST_CLASSES)) {
                throw new ClassNotFoundException(name + " is a test class, not part of functions.jar");
            }
            return type;
        }
    }
}
