package dev.banyan.monolith.catalog.persistence;

import java.util.List;

import dev.banyan.monolith.catalog.domain.Categories;
import dev.banyan.monolith.catalog.domain.Category;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCategories implements Categories {

    private final JdbcClient jdbc;

    JdbcCategories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Category> all() {
        return jdbc.sql("select code, name, sort_order from catalog.category order by sort_order, code")
                .query((rows, n) ->
                        new Category(rows.getString("code"), rows.getString("name"), rows.getInt("sort_order")))
                .list();
    }

    @Override
    public boolean exists(String code) {
        return jdbc.sql("select count(*) from catalog.category where code = :code")
                        .param("code", code)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
