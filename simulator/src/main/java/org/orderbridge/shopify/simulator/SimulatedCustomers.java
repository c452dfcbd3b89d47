package org.orderbridge.shopify.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The shops' customers, one per e-mail address, and how {@code orderCreate} associates an order with one.
 *
 * <p>Shopify's rules, as documented on shopify.dev (admin-graphql 2026-10, input objects):
 *
 * <ul>
 *   <li>"OrderCreateCustomerInput": {@code toAssociate} "An existing customer to associate with the order",
 *       {@code toUpsert} "A new customer to create or update and associate with the order".
 *   <li>"OrderCreateUpsertCustomerAttributesInput": {@code email} "If no {@code id} is provided, this is used to
 *       uniquely identify the customer", and takes precedence over the order's {@code email}.
 *   <li>"OrderCreateAssociateCustomerAttributesInput": the customer by {@code id} or {@code email}.
 *   <li>"OrderCreateOrderInput": {@code email} "If a customer is provided, and no email is provided, the customer's
 *       email will be set to this field"; {@code shippingAddress} "if the provided customer doesn't have a first or last
 *       name then it will be set to the first/last name from this address".
 *   <li>"OrderCreateUserErrorCode": {@code REDUNDANT_CUSTOMER_FIELDS} "both customer_id and customer were provided -
 *       only one is permitted".
 * </ul>
 *
 * <p>The schema refuses a customer input with both or neither of {@code toAssociate} and {@code toUpsert} (a oneOf
 * input object). What the documentation leaves open, the simulator decides on the side of refusing: an id or e-mail
 * that names no customer is refused with {@code INVALID}. An order without customer input but with an e-mail is
 * associated with that e-mail's customer (created when missing), as Shopify's own orders are.
 */
public final class SimulatedCustomers {

    private final Map<String, Map<String, Customer>> byShop = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(7_100_000_000L);

    /** A customer of one shop; its names change when an order upserts it. */
    public static final class Customer {
        private final long id;
        private final String email;
        private volatile String firstName;
        private volatile String lastName;

        private Customer(long id, String email, String firstName, String lastName) {
            this.id = id;
            this.email = email;
            this.firstName = firstName;
            this.lastName = lastName;
        }

        public long id() {
            return id;
        }

        public String gid() {
            return "gid://shopify/Customer/" + id;
        }

        public String email() {
            return email;
        }

        public String firstName() {
            return firstName;
        }

        public String lastName() {
            return lastName;
        }
    }

    /** A customer the merchant already has, as if created in the admin. */
    public synchronized Customer add(String shop, String email, String firstName, String lastName) {
        var customer = new Customer(ids.incrementAndGet(), email, firstName, lastName);
        shop(shop).put(key(email, customer.id), customer);
        return customer;
    }

    public synchronized Optional<Customer> byEmail(String shop, String email) {
        return Optional.ofNullable(shop(shop).get(key(email, 0)));
    }

    public synchronized List<Customer> list(String shop) {
        return new ArrayList<>(shop(shop).values());
    }

    /**
     * Works out which customer an order input names, without changing anything yet: the order may still be refused.
     *
     * @return the plan to apply once the order is created, or its refusal
     */
    @SuppressWarnings("unchecked")
    synchronized Plan plan(String shop, Map<String, Object> order) {
        Map<String, Object> input = (Map<String, Object>) order.get("customer");
        String orderEmail = (String) order.get("email");
        Map<String, Object> address = (Map<String, Object>)
                (order.get("shippingAddress") != null ? order.get("shippingAddress") : order.get("billingAddress"));
        if (input != null && order.get("customerId") != null) {
            return Plan.refused(
                    List.of("order", "customerId"),
                    "REDUNDANT_CUSTOMER_FIELDS",
                    "Only one of customer or customerId can be provided");
        }
        if (order.get("customerId") instanceof String gid) {
            return byGid(shop, gid)
                    .map(customer -> Plan.of(customer, null, null, address))
                    .orElseGet(
                            () -> Plan.refused(List.of("order", "customerId"), "INVALID", "Customer does not exist"));
        }
        if (input == null) {
            return orderEmail == null ? Plan.NONE : upsert(shop, orderEmail, null, null, address);
        }
        // The schema makes OrderCreateCustomerInput a oneOf: exactly one of the two is given.
        var associate = (Map<String, Object>) input.get("toAssociate");
        var upsert = (Map<String, Object>) input.get("toUpsert");
        if (associate != null) {
            Optional<Customer> found = associate.get("id") instanceof String gid
                    ? byGid(shop, gid)
                    : associate.get("email") instanceof String email ? byEmail(shop, email) : Optional.empty();
            return found.map(customer -> Plan.of(customer, null, null, address))
                    .orElseGet(() -> Plan.refused(
                            List.of("order", "customer", "toAssociate"), "INVALID", "Customer does not exist"));
        }
        String firstName = (String) upsert.get("firstName");
        String lastName = (String) upsert.get("lastName");
        if (upsert.get("id") instanceof String gid) {
            return byGid(shop, gid)
                    .map(customer -> Plan.of(customer, firstName, lastName, address))
                    .orElseGet(() -> Plan.refused(
                            List.of("order", "customer", "toUpsert", "id"), "INVALID", "Customer does not exist"));
        }
        String email = upsert.get("email") instanceof String given ? given : orderEmail;
        if (email != null && !SimulatedStore.isEmail(email)) {
            return Plan.refused(List.of("order", "customer", "toUpsert", "email"), "INVALID", "Email is invalid");
        }
        return upsert(shop, email, firstName, lastName, address);
    }

    private Plan upsert(String shop, String email, String firstName, String lastName, Map<String, Object> address) {
        Optional<Customer> existing = email == null ? Optional.empty() : byEmail(shop, email);
        if (existing.isPresent()) {
            return Plan.of(existing.get(), firstName, lastName, address);
        }
        return new Plan(
                null,
                () -> add(
                        shop,
                        email,
                        firstName != null ? firstName : field(address, "firstName"),
                        lastName != null ? lastName : field(address, "lastName")));
    }

    private Optional<Customer> byGid(String shop, String gid) {
        return shop(shop).values().stream().filter(c -> c.gid().equals(gid)).findFirst();
    }

    private Map<String, Customer> shop(String shop) {
        return byShop.computeIfAbsent(shop, s -> new LinkedHashMap<>());
    }

    /** E-mail addresses are matched case-insensitively; a customer without one is kept under its id. */
    private static String key(String email, long id) {
        return email == null ? "#" + id : email.toLowerCase(Locale.ROOT);
    }

    private static String field(Map<String, Object> address, String name) {
        return address == null ? null : (String) address.get(name);
    }

    /** Which customer an accepted order gets, or why the order is refused. */
    record Plan(Map<String, Object> refusal, Supplier<Customer> customer) {

        static final Plan NONE = new Plan(null, () -> null);

        static Plan refused(List<String> field, String code, String message) {
            var error = new LinkedHashMap<String, Object>();
            error.put("field", field);
            error.put("code", code);
            error.put("message", message);
            return new Plan(error, null);
        }

        /** An existing customer: an upsert's names replace its own, and a name it lacks comes from the address. */
        static Plan of(Customer customer, String firstName, String lastName, Map<String, Object> address) {
            return new Plan(null, () -> {
                if (firstName != null || customer.firstName == null) {
                    customer.firstName = firstName != null ? firstName : field(address, "firstName");
                }
                if (lastName != null || customer.lastName == null) {
                    customer.lastName = lastName != null ? lastName : field(address, "lastName");
                }
                return customer;
            });
        }

        /** Creates or updates the customer; only for an order that is created. */
        Customer apply() {
            return customer.get();
        }
    }
}
