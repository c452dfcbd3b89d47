package org.orderbridge.order;

public record Customer(String email, String firstName, String lastName, String phone) {}
