-- Audit trail (等保 level 3: who, what, when, result; kept at least 180 days). Portable: H2 2.x and
-- MySQL 8 / MariaDB 10.6+.
--
-- Append-only and chained with a keyed MAC (HMAC-SHA256) whose key is never stored in the database, so
-- that whoever can edit these tables cannot recompute it. An entry is inserted unchained (seq null)
-- with entry_mac over its own content; a chainer later gives it its position (seq), the MAC of the
-- entry before (prev_hash) and its chain MAC (hash), many entries per transaction under the row lock
-- of audit_head. Business requests therefore never wait on one shared row.
-- Times are UTC at whole seconds: what MySQL keeps with sendFractionalSeconds=false, and H2 alike.
create table audit_entry (
    id             bigint auto_increment primary key,
    seq            bigint,
    at             datetime     not null,
    actor          varchar(64)  not null,
    action         varchar(200) not null,
    target         varchar(200),
    case_number    varchar(40),
    region_code    varchar(6),
    outcome        varchar(10)  not null,
    detail         varchar(500),
    client_address varchar(45),
    -- random, unique: a copy of a genuine row cannot be inserted as a second entry
    nonce          varchar(32)  not null,
    entry_mac      varchar(64)  not null,
    prev_hash      varchar(64),
    hash           varchar(64),
    constraint uq_audit_entry_seq unique (seq),
    constraint uq_audit_entry_nonce unique (nonce)
);
create index ix_audit_entry_case on audit_entry (case_number, id);
create index ix_audit_entry_actor on audit_entry (actor, id);
create index ix_audit_entry_region on audit_entry (region_code, id);
create index ix_audit_entry_at on audit_entry (at);

-- The one row that says where the chain starts (base: the last pruned position and its MAC) and ends
-- (last), signed with the key (head_mac): deleting the newest entries, or pruning without the key, shows.
create table audit_head (
    id        int         not null primary key,
    base_seq  bigint      not null,
    base_hash varchar(64),
    last_seq  bigint      not null,
    last_hash varchar(64),
    key_id    varchar(16),
    head_mac  varchar(64)
);
insert into audit_head (id, base_seq, last_seq) values (1, 0, 0);
