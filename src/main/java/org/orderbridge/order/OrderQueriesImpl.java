package org.orderbridge.order;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

class OrderQueriesImpl implements OrderQueries {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public List<Order> search(OrderFilter filter, @Nullable OrderCursor after, int limit) {
        var where = new ArrayList<String>();
        if (filter.shop() != null) {
            where.add("o.shopDomain = :shop");
        }
        if (!filter.shops().isEmpty()) {
            where.add("o.shopDomain in :shops");
        }
        if (filter.status() != null) {
            where.add("o.status = :status");
        }
        if (filter.updatedSince() != null) {
            where.add("o.updatedAt >= :since");
        }
        if (after != null) {
            where.add("(o.updatedAt > :afterAt or (o.updatedAt = :afterAt and o.id > :afterId))");
        }
        String jpql = "select o from Order o" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by o.updatedAt, o.id";
        var query = entityManager.createQuery(jpql, Order.class).setMaxResults(limit);
        if (filter.shop() != null) {
            query.setParameter("shop", filter.shop());
        }
        if (!filter.shops().isEmpty()) {
            query.setParameter("shops", filter.shops());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (filter.updatedSince() != null) {
            query.setParameter("since", filter.updatedSince());
        }
        if (after != null) {
            query.setParameter("afterAt", after.updatedAt()).setParameter("afterId", after.id());
        }
        return query.getResultList();
    }
}
