package dev.ttsconnector.tiktok.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.Paginator;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;

/** Products API (spec §7): search and detail, for SKU matching. Reads only. */
public final class ProductsClient {

    static final Operation SEARCH = Operation.shop("products.search", "POST", "/product/202309/products/search");
    static final Operation GET = Operation.shop("products.get", "GET", "/product/202309/products/{product_id}");

    private final HttpTransport transport;

    public ProductsClient(HttpTransport transport) {
        this.transport = transport;
    }

    public Page<Product> searchPage(ShopContext shop, ProductSearchRequest request, String pageToken) {
        ObjectNode body = Nodes.object();
        Nodes.put(body, "status", request.status());
        Nodes.put(body, "seller_skus", request.sellerSkus());
        Nodes.put(body, "create_time_ge", request.createTimeGe());
        Nodes.put(body, "create_time_le", request.createTimeLe());
        Nodes.put(body, "update_time_ge", request.updateTimeGe());
        Nodes.put(body, "update_time_le", request.updateTimeLe());
        JsonNode data = transport.call(ApiRequest.of(SEARCH).shop(shop).query("page_size", request.pageSize())
                .query("page_token", pageToken).body(body).build());
        return new Page<>(Nodes.list(data, "products", Product::from), Nodes.str(data, "next_page_token"),
                Nodes.integer(data, "total_count"));
    }

    public Paginator<Product> search(ShopContext shop, ProductSearchRequest request, String resumeToken) {
        return new Paginator<>(token -> searchPage(shop, request, token), resumeToken);
    }

    /** Product detail; FREEZE/DELETED products answer 12019150 (a {@code TikTokPermanentException}). */
    public Product get(ShopContext shop, String productId) {
        return Product.from(transport.call(ApiRequest.of(GET).shop(shop).pathParam("product_id", productId).build()));
    }
}
