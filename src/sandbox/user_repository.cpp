#include "sandbox/user_repository.h"

#include "store/database.h"

namespace kpd::sandbox {

namespace {
const char* kUserColumns = "user_id, login, name, roles, disabled, version";

struct UserRow {
    std::int64_t id = 0;
    std::string login, name, roles;
    int disabled = 0;
    std::int64_t version = 0;

    domain::User ToUser() const {
        domain::User u;
        u.id = id;
        u.login = login;
        u.name = name;
        u.roles = RolesFromColumn(roles);
        u.disabled = disabled != 0;
        u.version = version;
        return u;
    }
};
} // namespace

std::string RolesToColumn(domain::RoleSet roles) {
    return domain::JoinRoles(roles);
}

domain::RoleSet RolesFromColumn(const std::string& text) {
    domain::RoleSet roles;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto comma = text.find(',', start);
        auto name =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (auto role = domain::RoleFromString(name)) {
            roles.Add(*role);
        }
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    return roles;
}

std::optional<Credentials> FindCredentials(soci::session& db, const std::string& login) {
    Credentials c;
    UserRow r;
    db << "SELECT partner_id, password_hash, " << kUserColumns
       << " FROM users WHERE login = :login",
        soci::into(c.partner_id), soci::into(c.password_hash), soci::into(r.id),
        soci::into(r.login), soci::into(r.name), soci::into(r.roles), soci::into(r.disabled),
        soci::into(r.version), soci::use(login, "login");
    if (!db.got_data()) {
        return std::nullopt;
    }
    c.user = r.ToUser();
    return c;
}

std::optional<domain::User> FindUser(soci::session& db, std::int64_t partnerId,
                                     std::int64_t userId) {
    UserRow r;
    db << "SELECT " << kUserColumns
       << " FROM users WHERE partner_id = :partner_id AND user_id = :user_id",
        soci::into(r.id), soci::into(r.login), soci::into(r.name), soci::into(r.roles),
        soci::into(r.disabled), soci::into(r.version), soci::use(partnerId, "partner_id"),
        soci::use(userId, "user_id");
    if (!db.got_data()) {
        return std::nullopt;
    }
    return r.ToUser();
}

bool LoginExists(soci::session& db, const std::string& login) {
    int count = 0;
    db << "SELECT COUNT(*) FROM users WHERE login = :login", soci::into(count),
        soci::use(login, "login");
    return count > 0;
}

bool PartnerHasUsers(soci::session& db, std::int64_t partnerId) {
    int count = 0;
    db << "SELECT COUNT(*) FROM users WHERE partner_id = :partner_id", soci::into(count),
        soci::use(partnerId, "partner_id");
    return count > 0;
}

std::vector<domain::User> ListUsers(soci::session& db, std::int64_t partnerId, std::int64_t afterId,
                                    int limit) {
    std::vector<domain::User> users;
    UserRow r;
    soci::statement st =
        (db.prepare << "SELECT " << kUserColumns
                    << " FROM users WHERE partner_id = :partner_id AND user_id > :after ORDER BY "
                       "user_id LIMIT :limit",
         soci::into(r.id), soci::into(r.login), soci::into(r.name), soci::into(r.roles),
         soci::into(r.disabled), soci::into(r.version), soci::use(partnerId, "partner_id"),
         soci::use(afterId, "after"), soci::use(limit, "limit"));
    st.execute();
    while (st.fetch()) {
        users.push_back(r.ToUser());
    }
    return users;
}

std::int64_t InsertUser(soci::session& db, std::int64_t partnerId, const domain::NewUser& user,
                        const std::string& passwordHash, const std::string& createdAt) {
    std::string roles = RolesToColumn(user.roles);
    std::int64_t id = 0;
    // See migrations.cpp: PostgreSQL numbers users from an identity column,
    // SQLite (writers serialised) from MAX + 1.
    std::string idValue = store::BackendOf(db) == store::Backend::Postgresql
                              ? "DEFAULT"
                              : "(SELECT COALESCE(MAX(user_id), 0) + 1 FROM users)";
    db << "INSERT INTO users (partner_id, user_id, login, name, password_hash, roles, disabled, "
          "version, created_at) "
          "VALUES (:partner_id, " +
              idValue + ", :login, :name, :hash, :roles, 0, 1, :created_at) RETURNING user_id",
        soci::into(id), soci::use(partnerId, "partner_id"), soci::use(user.login, "login"),
        soci::use(user.name, "name"), soci::use(passwordHash, "hash"), soci::use(roles, "roles"),
        soci::use(createdAt, "created_at");
    return id;
}

bool UpdateRoles(soci::session& db, std::int64_t partnerId, std::int64_t userId,
                 std::int64_t expectedVersion, domain::RoleSet roles) {
    std::string column = RolesToColumn(roles);
    soci::statement st =
        (db.prepare
             << "UPDATE users SET roles = :roles, version = version + 1 "
                "WHERE partner_id = :partner_id AND user_id = :user_id AND version = :version",
         soci::use(column, "roles"), soci::use(partnerId, "partner_id"),
         soci::use(userId, "user_id"), soci::use(expectedVersion, "version"));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool SetDisabled(soci::session& db, std::int64_t partnerId, std::int64_t userId, bool disabled) {
    int flag = disabled ? 1 : 0;
    soci::statement st =
        (db.prepare
             << "UPDATE users SET disabled = :flag, version = version + 1 "
                "WHERE partner_id = :partner_id AND user_id = :user_id AND disabled <> :flag2",
         soci::use(flag, "flag"), soci::use(partnerId, "partner_id"), soci::use(userId, "user_id"),
         soci::use(flag, "flag2"));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

} // namespace kpd::sandbox
