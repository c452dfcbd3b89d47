package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.AdminSchema;

@Tag("unit")
class TrackingCompaniesTest {

    /** Shopify's list is the field's description in the schema; a name it does not list would not be linked. */
    @Test
    void everyCompanyWeSpellForShopifyIsOneTheSchemaLists() {
        String description = AdminSchema.get()
                .getObjectType("FulfillmentTrackingInfo")
                .getFieldDefinition("company")
                .getDescription();
        Set<String> listed = Pattern.compile("(?m)^\\s*[*-] (.+?)\\s*$")
                .matcher(description)
                .results()
                .map(match -> match.group(1))
                .collect(Collectors.toSet());

        assertThat(listed).as("the schema's supported tracking companies").hasSizeGreaterThan(100);
        assertThat(TrackingCompanies.supported())
                .allSatisfy(
                        name -> assertThat(listed).as("Shopify lists %s", name).contains(name));
    }
}
