package dev.ttsconnector.flow.products;

/**
 * An attribute value the push filled in itself, recorded on the product so a person can check it: which category
 * attribute, the chosen allowed value, where it was found ({@code title}, {@code option:<name>},
 * {@code attribute:<name>}, {@code description}) and the text that matched.
 */
public record DerivedAttribute(String attributeId, String attributeName, String valueId, String valueName,
                               String source, String matchedText) {
}
