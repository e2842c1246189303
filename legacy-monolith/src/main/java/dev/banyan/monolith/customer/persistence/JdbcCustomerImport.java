package dev.banyan.monolith.customer.persistence;

import java.util.ArrayList;
import java.util.List;

import dev.banyan.monolith.customer.CustomerImport;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcCustomerImport implements CustomerImport {

    private final JdbcTemplate jdbc;

    JdbcCustomerImport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public int importCustomers(List<ImportedCustomer> customers) {
        List<Object[]> customerRows = new ArrayList<>();
        List<Object[]> addressRows = new ArrayList<>();
        for (ImportedCustomer c : customers) {
            var created = Timestamps.of(c.createdAt());
            customerRows.add(new Object[] {c.id(), c.name(), c.email(), c.phone(), created, created});
            int position = 0;
            for (ImportedAddress a : c.addresses()) {
                addressRows.add(new Object[] {a.id(), c.id(), a.label(), a.address(), position++});
            }
        }
        int[][] inserted = jdbc.batchUpdate(
                "insert into customer.customer (id, name, email, phone, created_at, "
                        + "updated_at, version) values (?, ?, ?, ?, ?, ?, 0) on conflict do nothing",
                customerRows,
                1000,
                JdbcCustomerImport::setAll);
        jdbc.batchUpdate(
                "insert into customer.delivery_address (id, customer_id, label, address, position) "
                        + "values (?, ?, ?, ?, ?) on conflict do nothing",
                addressRows,
                1000,
                JdbcCustomerImport::setAll);
        int count = 0;
        for (int[] batch : inserted) {
            for (int n : batch) {
                count += Math.max(n, 0);
            }
        }
        return count;
    }

    private static void setAll(java.sql.PreparedStatement ps, Object[] row) throws java.sql.SQLException {
        for (int i = 0; i < row.length; i++) {
            ps.setObject(i + 1, row[i]);
        }
    }
}
