package dev.ttsconnector.localaws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions (long form) of a {@link SamTemplate} against a
 * {@link Context} that knows what {@code Ref} and {@code Fn::GetAtt} mean in a given environment
 * (parameter defaults for static checks, local physical names for {@link LocalAwsStack}).
 * {@code AWS::NoValue} entries are dropped from maps and lists. {@code Fn::ImportValue} and
 * {@code Fn::Cidr} cannot be evaluated locally and are rejected with a message naming them.
 */
final class Intrinsics {

    /** Pseudo parameters CloudFormation defines in every template. */
    static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    static final String LOCAL_REGION = "us-east-1";
    static final String LOCAL_ACCOUNT = "000000000000";
    static final String LOCAL_STACK_NAME = "tts-connector-local";

    /** Matches ${Name}, ${Name.Attribute} and the escaped literal ${!Text} inside Fn::Sub strings. */
    static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private static final Object NO_VALUE = new Object();

    /** What Ref and GetAtt resolve to; pseudo parameters are answered by {@link #localPseudoParameter}. */
    interface Context {
        String ref(String logicalId);

        String getAtt(String logicalId, String attribute);
    }

    private final SamTemplate template;
    private final Context context;

    Intrinsics(SamTemplate template, Context context) {
        this.template = template;
        this.context = context;
    }

    static String localPseudoParameter(String name) {
        return switch (name) {
            case "AWS::AccountId" -> LOCAL_ACCOUNT;
            case "AWS::Region" -> LOCAL_REGION;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::StackName" -> LOCAL_STACK_NAME;
            case "AWS::StackId" -> "arn:aws:cloudformation:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT + ":stack/"
                    + LOCAL_STACK_NAME + "/00000000-0000-0000-0000-000000000000";
            default -> throw new IllegalArgumentException("pseudo parameter " + name + " has no local value");
        };
    }

    /** Evaluates a node to a string (numbers and booleans as CloudFormation would render them). */
    String string(Object node) {
        Object value = evaluate(node);
        if (value == null || value == NO_VALUE) {
            throw new IllegalArgumentException("value evaluates to nothing: " + node);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new IllegalArgumentException("expected a scalar but got " + value);
        }
        return value.toString();
    }

    /** Evaluates a named entry of the template's Conditions section. */
    boolean condition(String name) {
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new IllegalArgumentException("condition " + name + " is not defined in Conditions");
        }
        return bool(evaluate(definition), "condition " + name);
    }

    /** Evaluates every intrinsic inside a node; returns plain maps, lists and scalars. */
    Object evaluate(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = String.valueOf(only.getKey());
                if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                    return function(key, only.getValue());
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object value = evaluate(entry.getValue());
                if (value != NO_VALUE) {
                    result.put(String.valueOf(entry.getKey()), value);
                }
            }
            return result;
        }
        if (node instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            for (Object item : list) {
                Object value = evaluate(item);
                if (value != NO_VALUE) {
                    result.add(value);
                }
            }
            return result;
        }
        return node;
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(String.valueOf(argument));
            case "Condition" -> condition(String.valueOf(argument));
            case "Fn::GetAtt" -> {
                List<?> parts = getAttParts(argument);
                yield context.getAtt(String.valueOf(parts.get(0)), string(parts.get(1)));
            }
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> {
                List<?> args = list(argument, name, 2);
                List<?> items = (List<?>) asList(evaluate(args.get(1)), name);
                List<String> parts = new ArrayList<>();
                for (Object item : items) {
                    parts.add(string(item));
                }
                yield String.join(string(args.get(0)), parts);
            }
            case "Fn::If" -> {
                List<?> args = list(argument, name, 3);
                yield condition(String.valueOf(args.get(0))) ? evaluate(args.get(1)) : evaluate(args.get(2));
            }
            case "Fn::Equals" -> {
                List<?> args = list(argument, name, 2);
                yield String.valueOf(evaluate(args.get(0))).equals(String.valueOf(evaluate(args.get(1))));
            }
            case "Fn::Not" -> !bool(evaluate(list(argument, name, 1).get(0)), name);
            case "Fn::And" -> {
                boolean all = true;
                for (Object item : (List<?>) asList(argument, name)) {
                    all &= bool(evaluate(item), name);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (Object item : (List<?>) asList(argument, name)) {
                    any |= bool(evaluate(item), name);
                }
                yield any;
            }
            case "Fn::Select" -> {
                List<?> args = list(argument, name, 2);
                int index = Integer.parseInt(string(args.get(0)));
                List<?> items = (List<?>) asList(evaluate(args.get(1)), name);
                if (index < 0 || index >= items.size()) {
                    throw new IllegalArgumentException("Fn::Select index " + index + " is outside a list of " + items.size());
                }
                yield items.get(index);
            }
            case "Fn::Split" -> {
                List<?> args = list(argument, name, 2);
                yield List.of(string(args.get(1)).split(Pattern.quote(string(args.get(0))), -1));
            }
            case "Fn::FindInMap" -> {
                List<?> args = list(argument, name, 3);
                String mapName = string(args.get(0));
                Object mapping = template.mappings().get(mapName);
                Object top = mapping instanceof Map<?, ?> m ? m.get(string(args.get(1))) : null;
                Object value = top instanceof Map<?, ?> m ? m.get(string(args.get(2))) : null;
                if (value == null) {
                    throw new IllegalArgumentException("Fn::FindInMap finds no value for " + argument);
                }
                yield evaluate(value);
            }
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(string(argument).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(LOCAL_REGION + "a", LOCAL_REGION + "b", LOCAL_REGION + "c");
            case "Fn::ToJsonString" -> {
                try {
                    yield SamTemplate.JSON.writeValueAsString(evaluate(argument));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalArgumentException("Fn::ToJsonString cannot render " + argument, e);
                }
            }
            default -> throw new IllegalArgumentException(name + " cannot be evaluated outside AWS");
        };
    }

    private Object ref(String target) {
        if (target.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (PSEUDO_PARAMETERS.contains(target)) {
            return localPseudoParameter(target);
        }
        return context.ref(target);
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = new LinkedHashMap<>();
        if (argument instanceof List<?> args) {
            if (args.size() != 2 || !(args.get(1) instanceof Map<?, ?> vars)) {
                throw new IllegalArgumentException("Fn::Sub takes a string or [string, {variables}]: " + argument);
            }
            text = String.valueOf(args.get(0));
            vars.forEach((k, v) -> variables.put(String.valueOf(k), v));
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String expression = matcher.group(1).trim();
            String replacement;
            if (expression.startsWith("!")) {
                replacement = "${" + expression.substring(1) + "}";
            } else if (variables.containsKey(expression)) {
                replacement = string(variables.get(expression));
            } else if (expression.contains(".") && !PSEUDO_PARAMETERS.contains(expression)) {
                int dot = expression.indexOf('.');
                replacement = context.getAtt(expression.substring(0, dot), expression.substring(dot + 1));
            } else {
                replacement = String.valueOf(ref(expression));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static List<?> getAttParts(Object argument) {
        if (argument instanceof String text && text.contains(".")) {
            int dot = text.indexOf('.');
            return List.of(text.substring(0, dot), text.substring(dot + 1));
        }
        if (argument instanceof List<?> parts && parts.size() == 2) {
            return parts;
        }
        throw new IllegalArgumentException("Fn::GetAtt takes [LogicalId, Attribute]: " + argument);
    }

    private static List<?> list(Object argument, String function, int size) {
        List<?> list = asList(argument, function);
        if (list.size() != size) {
            throw new IllegalArgumentException(function + " takes " + size + " arguments: " + argument);
        }
        return list;
    }

    private static List<?> asList(Object argument, String function) {
        if (!(argument instanceof List<?> list)) {
            throw new IllegalArgumentException(function + " takes a list: " + argument);
        }
        return list;
    }

    private static boolean bool(Object value, String where) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw new IllegalArgumentException(where + " does not evaluate to a boolean: " + value);
    }
}
