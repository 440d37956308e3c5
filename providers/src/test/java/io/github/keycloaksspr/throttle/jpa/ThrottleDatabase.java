package io.github.keycloaksspr.throttle.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;

import org.hibernate.jpa.HibernatePersistenceConfiguration;

import io.github.keycloaksspr.audit.jpa.AuditRecordEntity;
import io.github.keycloaksspr.notify.outbox.OutboxEntity;

/**
 * An in-memory H2 database whose tables come from the extension's own Liquibase changelog, as on a real server,
 * with Hibernate validating every entity against them. Each EntityManager stands for one node's transaction.
 */
final class ThrottleDatabase implements AutoCloseable, Transactions {

    static final String CHANGELOG = "META-INF/sspr-changelog.xml";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String url = "jdbc:h2:mem:throttle" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    private final Connection keepAlive;
    private final EntityManagerFactory factory;

    ThrottleDatabase() throws SQLException, LiquibaseException {
        keepAlive = DriverManager.getConnection(url, "sa", "");
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(keepAlive));
        new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .execute();
        factory = new HibernatePersistenceConfiguration("throttle")
                .managedClasses(AuditRecordEntity.class, OutboxEntity.class, ThrottleHitEntity.class,
                        ThrottleKeyEntity.class)
                .jdbcUrl(url)
                .jdbcCredentials("sa", "")
                .property("hibernate.hbm2ddl.auto", "validate")
                .createEntityManagerFactory();
    }

    /** A store for work in transactions of its own; it has no caller's transaction to join. */
    JpaThrottleStore store() {
        return new JpaThrottleStore(this, () -> {
            throw new IllegalStateException("This call needs a caller's transaction: use inCallerTransaction");
        });
    }

    /** Runs work with a store whose caller's transaction commits afterwards, as a request's would. */
    <T> T inCallerTransaction(Function<JpaThrottleStore, T> work) {
        return inNew(em -> work.apply(new JpaThrottleStore(this, () -> em)));
    }

    Connection connection() {
        return keepAlive;
    }

    @Override
    public <T> T inNew(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Override
    public void close() throws SQLException {
        factory.close();
        keepAlive.close();
    }
}
