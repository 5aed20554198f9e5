package dev.ttsconnector.sandbox;

import java.util.List;

/** Region facts the sandbox needs: currency (spec §7), carriers offered by SEND_BY_SELLER, sample addresses. */
final class Regions {
    private Regions() {
    }

    record Address(String name, String phone, String line1, String city, String state, String postalCode) {
    }

    static String currency(String region) {
        return switch (region) {
            case "US" -> "USD";
            case "GB", "UK" -> "GBP";
            case "FR", "DE", "IE", "IT", "ES" -> "EUR";
            case "JP" -> "JPY";
            case "MX" -> "MXN";
            case "BR" -> "BRL";
            case "SG" -> "SGD";
            case "MY" -> "MYR";
            case "TH" -> "THB";
            case "VN" -> "VND";
            case "PH" -> "PHP";
            case "ID" -> "IDR";
            default -> throw new IllegalArgumentException("region " + region + " is not a TikTok Shop region");
        };
    }

    static List<String> carriers(String region) {
        return switch (region) {
            case "US" -> List.of("USPS", "UPS", "FedEx", "DHL eCommerce", "OnTrac");
            case "GB", "UK" -> List.of("Royal Mail", "DPD", "Evri", "Parcelforce", "Yodel");
            case "DE" -> List.of("DHL", "Hermes", "DPD", "GLS");
            case "FR" -> List.of("Colissimo", "Chronopost", "DPD");
            case "ES" -> List.of("Correos", "SEUR", "MRW");
            case "IT" -> List.of("Poste Italiane", "BRT", "GLS");
            case "IE" -> List.of("An Post", "DPD");
            case "JP" -> List.of("Yamato Transport", "Sagawa Express", "Japan Post");
            default -> List.of("Local Carrier");
        };
    }

    static Address warehouseAddress(String region) {
        return switch (region) {
            case "US" -> new Address("Warehouse", "+1 2135550100", "1200 Industrial Way", "Los Angeles", "California", "90021");
            case "GB", "UK" -> new Address("Warehouse", "+44 2079460000", "12 Dock Road", "London", "England", "E16 1AG");
            default -> new Address("Warehouse", "+00 000000", "1 Logistics Park", "Capital", "State", "10000");
        };
    }

    private static final String[] FIRST = {"Alex", "Jordan", "Sam", "Taylor", "Morgan", "Casey", "Riley", "Jamie"};
    private static final String[] LAST = {"Smith", "Johnson", "Brown", "Davies", "Wilson", "Evans", "Clark", "Lewis"};

    static Address buyerAddress(String region, long n) {
        String name = FIRST[(int) (n % FIRST.length)] + " " + LAST[(int) ((n / 7) % LAST.length)];
        return switch (region) {
            case "US" -> new Address(name, "(+1)213555" + String.format("%04d", n % 10000),
                    (100 + n % 900) + " Main Street", "Austin", "Texas", "7870" + (n % 10));
            case "GB", "UK" -> new Address(name, "(+44)7700900" + String.format("%03d", n % 1000),
                    (1 + n % 200) + " High Street", "Manchester", "England", "M1 " + (1 + n % 9) + "AB");
            default -> new Address(name, "+000" + n, n + " Market Street", "Capital", "State", "10000");
        };
    }
}
