package dev.ttsconnector.flow.orders;

import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.OrderLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units of an app order as TikTok counts them (one TikTok line item is one unit, spec §4), and the validation of
 * a request that names SKUs and quantities of an order (seller cancellation by line, refund by line).
 */
public final class OrderUnits {

    /** A requested SKU and quantity, as the app API receives it (either may be missing or invalid). */
    public interface SkuQuantity {
        String sku();

        Integer quantity();
    }

    private OrderUnits() {
    }

    /** TikTok line item ids per app SKU, for lines that are not virtual-bundle components. */
    public static Map<String, List<String>> lineIdsBySku(AppOrder order) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            if (line.sku() != null && line.bundleSkuId() == null) {
                List<String> ids = out.computeIfAbsent(line.sku(), k -> new ArrayList<>());
                line.tiktokLineItemIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
            }
        }
        return out;
    }

    /**
     * The requested quantity per SKU, each SKU once and at most its units in the order.
     *
     * @param bundleComponentHint what to tell when a SKU is a component of a virtual bundle (it has no units of its
     *                            own), e.g. "cancel the whole order instead"
     * @throws ApiException 400 naming {@code lines[i].sku} / {@code lines[i].quantity} for a malformed entry, 422 for
     *                      a SKU not in the order or a quantity over its units
     */
    public static Map<String, Integer> validate(List<? extends SkuQuantity> lines, AppOrder order,
                                                Map<String, List<String>> lineIdsBySku, String bundleComponentHint) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            SkuQuantity line = lines.get(i);
            String field = "lines[" + i + "]";
            if (line == null) {
                throw ApiException.validation(field, field + " must be an object with sku and quantity");
            }
            if (line.sku() == null || line.sku().isBlank()) {
                throw ApiException.validation(field + ".sku", field + ".sku is required");
            }
            if (line.quantity() == null || line.quantity() < 1) {
                throw ApiException.validation(field + ".quantity", field + ".quantity must be at least 1, was "
                        + line.quantity());
            }
            if (wanted.containsKey(line.sku())) {
                throw ApiException.validation(field + ".sku", "SKU '" + line.sku() + "' is listed twice; list each"
                        + " SKU once with its total quantity");
            }
            List<String> ids = lineIdsBySku.get(line.sku());
            if (ids == null) {
                boolean bundleComponent = order.lines().stream()
                        .anyMatch(l -> line.sku().equals(l.sku()) && l.bundleSkuId() != null);
                throw ApiException.unprocessable(field + ".sku", bundleComponent
                        ? "SKU '" + line.sku() + "' is a component of a virtual bundle in order " + order.id() + "; "
                        + bundleComponentHint
                        : "SKU '" + line.sku() + "' is not a line of order " + order.id());
            }
            if (line.quantity() > ids.size()) {
                throw ApiException.unprocessable(field + ".quantity", "quantity " + line.quantity() + " of SKU '"
                        + line.sku() + "' exceeds the " + ids.size() + " unit(s) of that SKU in order " + order.id());
            }
            wanted.put(line.sku(), line.quantity());
        }
        return wanted;
    }
}
