package dev.banyan.catalog.persistence;

import dev.banyan.catalog.domain.Categories;
import dev.banyan.catalog.domain.CategoryCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCategories implements Categories {

    private final JdbcClient jdbc;

    JdbcCategories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(CategoryCode code) {
        return jdbc.sql("select exists(select 1 from category where code = ?)")
                .param(code.value())
                .query(Boolean.class)
                .single();
    }
}
