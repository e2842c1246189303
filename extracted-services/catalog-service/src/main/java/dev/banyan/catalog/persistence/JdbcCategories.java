package dev.banyan.catalog.persistence;

import dev.banyan.catalog.domain.Categories;
import dev.banyan.catalog.domain.Category;
import dev.banyan.catalog.domain.CategoryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

@Repository
class JdbcCategories implements Categories {

    private final JdbcClient jdbc;

    JdbcCategories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Category> all() {
        return jdbc.sql("select code, name, sort_order from category order by sort_order, code")
                .query((rs, row) -> new Category(new CategoryCode(rs.getString(1)), rs.getString(2), rs.getInt(3)))
                .list();
    }

    @Override
    public boolean exists(CategoryCode code) {
        return jdbc.sql("select exists(select 1 from category where code = ?)").param(code.value())
                .query(Boolean.class).single();
    }
}
