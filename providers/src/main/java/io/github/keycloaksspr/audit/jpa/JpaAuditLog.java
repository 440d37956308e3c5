package io.github.keycloaksspr.audit.jpa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.github.keycloaksspr.audit.AuditLog;
import io.github.keycloaksspr.audit.AuditQuery;
import io.github.keycloaksspr.audit.AuditRecord;

final class JpaAuditLog implements AuditLog {

    private final EntityManager em;

    JpaAuditLog(EntityManager em) {
        this.em = em;
    }

    @Override
    public void record(AuditRecord record) {
        em.persist(AuditRecordMapper.toEntity(record));
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
        StringBuilder jpql = new StringBuilder("select r from AuditRecordEntity r where r.realmId = :realmId");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("realmId", query.realmId());
        if (query.activity() != null) {
            jpql.append(" and r.activity = :activity");
            parameters.put("activity", query.activity().name());
        }
        if (query.userId() != null) {
            jpql.append(" and r.userId = :userId");
            parameters.put("userId", query.userId());
        }
        if (query.fromTime() != null) {
            jpql.append(" and r.createdAt >= :fromTime");
            parameters.put("fromTime", query.fromTime());
        }
        if (query.toTime() != null) {
            jpql.append(" and r.createdAt <= :toTime");
            parameters.put("toTime", query.toTime());
        }
        jpql.append(" order by r.createdAt desc, r.id desc");
        TypedQuery<AuditRecordEntity> typed = em.createQuery(jpql.toString(), AuditRecordEntity.class);
        parameters.forEach(typed::setParameter);
        typed.setFirstResult(query.first());
        typed.setMaxResults(query.max());
        List<AuditRecord> records = new ArrayList<>();
        for (AuditRecordEntity entity : typed.getResultList()) {
            records.add(AuditRecordMapper.toRecord(entity));
        }
        return records;
    }

    @Override
    public void removeRealm(String realmId) {
        em.createQuery("delete from AuditRecordEntity r where r.realmId = :realmId")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }

    @Override
    public void close() {
        // the EntityManager belongs to Keycloak's JPA connection provider
    }
}
