package dev.ttsconnector.localaws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads CloudFormation/SAM YAML into plain maps, lists and scalars, mapping the short-form
 * intrinsic tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) to their long JSON forms
 * ({@code {"Ref": ...}}, {@code {"Fn::GetAtt": [..]}}, ...). Timestamps stay strings (CloudFormation
 * never types them) and duplicate keys are rejected.
 */
final class CloudFormationYaml {

    private static final List<String> FUNCTION_TAGS = List.of(
            "Sub", "Join", "If", "Equals", "Not", "And", "Or", "Select", "Split", "FindInMap",
            "ImportValue", "GetAZs", "Base64", "Cidr", "Transform", "Length", "ToJsonString");

    private CloudFormationYaml() {
    }

    /** Parses one YAML document; throws {@link IllegalArgumentException} naming the problem. */
    static Map<String, Object> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml parser = new Yaml(new IntrinsicConstructor(options));
        Object document;
        try {
            document = parser.load(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("template is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("template must be a YAML mapping at the top level");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) map;
        return result;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            // CloudFormation treats dates (e.g. an unquoted 2012-10-17) as strings.
            this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            this.yamlConstructors.put(new Tag("!Ref"), new ScalarIntrinsic("Ref"));
            this.yamlConstructors.put(new Tag("!Condition"), new ScalarIntrinsic("Condition"));
            this.yamlConstructors.put(new Tag("!GetAtt"), new GetAttIntrinsic());
            for (String name : FUNCTION_TAGS) {
                this.yamlConstructors.put(new Tag("!" + name), new FunctionIntrinsic("Fn::" + name));
            }
        }

        private Object constructAny(Node node) {
            if (node instanceof ScalarNode scalar) {
                return constructScalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                return new ArrayList<>(constructSequence(sequence));
            }
            Map<Object, Object> map = new LinkedHashMap<>();
            constructMapping2ndStep((MappingNode) node, map);
            return map;
        }

        private final class ScalarIntrinsic extends AbstractConstruct {
            private final String key;

            ScalarIntrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put(key, constructAny(node));
                return result;
            }
        }

        private final class GetAttIntrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = constructAny(node);
                if (value instanceof String text) {
                    // "!GetAtt Resource.Attribute" — the attribute itself may contain dots.
                    int dot = text.indexOf('.');
                    value = dot < 0 ? List.of(text) : List.of(text.substring(0, dot), text.substring(dot + 1));
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("Fn::GetAtt", value);
                return result;
            }
        }

        private final class FunctionIntrinsic extends AbstractConstruct {
            private final String key;

            FunctionIntrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put(key, constructAny(node));
                return result;
            }
        }
    }
}
