package org.orderbridge.shopify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Shopify's supported tracking companies, for which it builds tracking URLs and follows the shipment's status; the name
 * must be sent exactly as Shopify writes it (capitalization matters). The list is the one for shops in any country on
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentTrackingInfo#supported-tracking-companies.
 */
final class TrackingCompanies {

    private static final List<String> SUPPORTED = List.of(
            "4PX",
            "AGS",
            "Amazon",
            "Amazon Logistics UK",
            "An Post",
            "Anjun Logistics",
            "APC",
            "Asendia USA",
            "Australia Post",
            "Bonshaw",
            "BPost",
            "BPost International",
            "Canada Post",
            "Canpar",
            "CDL Last Mile",
            "China Post",
            "Chronopost",
            "Chukou1",
            "Colissimo",
            "Comingle",
            "Coordinadora",
            "Correios",
            "Correos",
            "CTT",
            "CTT Express",
            "Cyprus Post",
            "Delnext",
            "Deutsche Post",
            "DHL eCommerce",
            "DHL eCommerce Asia",
            "DHL Express",
            "DPD",
            "DPD Local",
            "DPD UK",
            "DTD Express",
            "DX",
            "Eagle",
            "Estes",
            "Evri",
            "FedEx",
            "First Global Logistics",
            "First Line",
            "FSC",
            "Fulfilla",
            "GLS",
            "Iceland Post",
            "IDEX",
            "Israel Post",
            "Japan Post (EN)",
            "Japan Post (JA)",
            "Lasership",
            "Latvia Post",
            "Lietuvos Paštas",
            "Logisters",
            "Lone Star Overnight",
            "M3 Logistics",
            "Meteor Space",
            "Mondial Relay",
            "New Zealand Post",
            "NinjaVan",
            "OnTrac",
            "Packeta",
            "Pago Logistics",
            "Pitney Bowes",
            "Portal PostNord",
            "Poste Italiane",
            "PostNL",
            "PostNord DK",
            "PostNord NO",
            "PostNord SE",
            "Purolator",
            "Qxpress",
            "Qyun Express",
            "Royal Mail",
            "Royal Shipments",
            "Sagawa (EN)",
            "Sagawa (JA)",
            "Sendle",
            "SF Express",
            "SFC Fulfillment",
            "Singapore Post",
            "Southwest Air Cargo",
            "StarTrack",
            "Step Forward Freight",
            "Swiss Post",
            "TForce Final Mile",
            "Tinghao",
            "TNT",
            "Toll IPEC",
            "United Delivery Service",
            "UPS",
            "USPS",
            "Venipak",
            "We Post",
            "Whistl",
            "Wizmo",
            "WMYC",
            "Xpedigo",
            "XPO Logistics",
            "Yamato (EN)",
            "Yamato (JA)",
            "YiFan Express",
            "YunExpress");

    private static final Map<String, String> BY_KEY =
            SUPPORTED.stream().collect(Collectors.toMap(TrackingCompanies::key, Function.identity()));

    private TrackingCompanies() {}

    static List<String> supported() {
        return SUPPORTED;
    }

    /**
     * Shopify's spelling of the carrier when it is one Shopify supports, matched ignoring case, spaces and punctuation
     * ("fedex", "Royal-Mail", "DHL EXPRESS"); any other name as given, which Shopify shows without building a URL.
     */
    static String shopifyName(String carrier) {
        return BY_KEY.getOrDefault(key(carrier), carrier.strip());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
