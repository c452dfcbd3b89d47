package org.orderbridge.platform.http;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the OpenAPI document says about the service beyond its operations.
 *
 * @param version the service's version (the build's project version)
 * @param servers where clients reach the API, e.g. the load balancer's address per environment
 */
@Validated
@ConfigurationProperties("orderbridge.api-docs")
record ApiDocsProperties(
        @NotBlank String version,
        @NotEmpty List<@Valid Server> servers,
        @NotNull @Valid Contact contact,
        @NotNull @Valid License license) {

    record Server(@NotNull URI url, @NotBlank String description) {}

    record Contact(
            @NotBlank String name,
            @NotBlank String email,
            @NotNull URI url) {}

    record License(@NotBlank String name, @NotNull URI url) {}
}
