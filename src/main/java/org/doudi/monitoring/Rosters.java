package org.doudi.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.doudi.TimeConfig;
import org.doudi.household.DisabilityCategory;
import org.doudi.household.ResidentId;
import org.doudi.region.RegionLevel;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.shared.ConflictException;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.doudi.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rosters (名单) uploaded as batches (docs/rosters.md). A file is read as a stream (CSV or XLSX), each row checked on
 * its own: valid rows are loaded in JDBC batches, invalid ones listed with line, field and reason; a person twice in
 * a batch (same resident ID and category) is loaded once. The batch name makes an upload idempotent: the same batch
 * again answers what the first answered and loads nothing. A batch can be withdrawn. All of an upload is one
 * transaction: a batch is there whole or not at all.
 */
@Service
public class Rosters {

    private static final Logger log = LoggerFactory.getLogger(Rosters.class);

    /** Who uploads and withdraws rosters: county staff (and operators). */
    static final Set<StaffRole> UPLOAD_ROLES = EnumSet.of(StaffRole.COUNTY_REVIEWER);
    /** How many refused rows an answer lists (all are kept, and counted). */
    static final int REJECTIONS_SHOWN = 1000;
    static final int JDBC_BATCH = 1000;
    /**
     * The SQL types of a roster row's columns: given, so that a null is bound as such at once (without them Spring asks
     * the driver for the parameter's type, a round trip for every null).
     */
    private static final int[] PERSON_TYPES = { Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL, Types.INTEGER, Types.VARCHAR,
            Types.BOOLEAN, Types.DECIMAL, Types.DATE, Types.VARCHAR };

    static final List<String> REQUIRED = List.of("idNumber", "name", "villageCode");
    static final List<String> OPTIONAL = List.of("category", "amount", "disabilityGrade", "disabilityCategory",
            "seriousIllness", "perCapitaIncome", "date", "note");
    /** Chinese headers a department's file may carry instead. */
    static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("公民身份号码", "idNumber"),
            Map.entry("身份证号码", "idNumber"), Map.entry("身份证号", "idNumber"), Map.entry("姓名", "name"),
            Map.entry("村（社区）代码", "villageCode"), Map.entry("村代码", "villageCode"), Map.entry("类别", "category"),
            Map.entry("金额", "amount"), Map.entry("残疾等级", "disabilityGrade"), Map.entry("残疾类别", "disabilityCategory"),
            Map.entry("重病", "seriousIllness"), Map.entry("人均收入", "perCapitaIncome"), Map.entry("日期", "date"),
            Map.entry("备注", "note"));
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("idNumber", "公民身份号码"),
            Map.entry("name", "姓名"), Map.entry("villageCode", "村（社区）代码"), Map.entry("category", "类别"),
            Map.entry("amount", "金额"), Map.entry("disabilityGrade", "残疾等级"), Map.entry("disabilityCategory", "残疾类别"),
            Map.entry("seriousIllness", "重病"), Map.entry("perCapitaIncome", "人均收入"), Map.entry("date", "日期"),
            Map.entry("note", "备注"));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /**
     * Where checked rows are written for MySQL's {@code LOAD DATA LOCAL INFILE} (the JDBC URL allows that directory
     * only: {@code allowLoadLocalInfileInPath}); empty: rows are inserted in JDBC batches (H2, or MySQL without it).
     */
    private final Optional<Path> bulkDir;

    Rosters(JdbcTemplate jdbc, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}") String url) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.bulkDir = bulkDirOf(url);
        bulkDir.ifPresent(dir -> log.info("rosters are bulk-loaded through {}", dir));
    }

    /** The directory a MySQL JDBC URL lets {@code LOAD DATA LOCAL INFILE} read ({@code allowLoadLocalInfileInPath}). */
    static Optional<Path> bulkDirOf(String url) {
        if (url == null || !url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]allowLoadLocalInfileInPath=([^&]+)")
                .matcher(url);
        return m.find() ? Optional.of(Path.of(java.net.URLDecoder.decode(m.group(1),
                java.nio.charset.StandardCharsets.UTF_8))) : Optional.empty();
    }

    /** A refused row. */
    public record Rejection(int line, String field, String message) {
    }

    /** The answer of an upload ({@code POST /api/rosters}), the same for the same batch. */
    public record Result(String batch, String source, String sourceLabel, String status, int rows, int imported,
            int rejectedTotal, List<Rejection> rejected) {
    }

    public enum Format {
        CSV, XLSX;

        /** By the file's name; CSV unless it ends in {@code .xlsx}. */
        public static Format of(String fileName) {
            return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? XLSX : CSV;
        }
    }

    /** The upload: whether it is new ({@code 201}) or the first answer of its batch again ({@code 200}). */
    public record Upload(boolean created, Result result) {
    }

    @Transactional
    public Upload upload(String batchName, RosterSource source, String fileName, Format format, InputStream in,
            StaffScope scope, String actor) throws IOException {
        String batch = Texts.singleLine(batchName);
        if (batch == null || batch.isBlank() || batch.length() > 64 || !batch.matches("[\\p{L}\\p{N}_.:-]+")) {
            throw InvalidInputException.of("batch", "「批次号」必须填写，不超过 64 个字符，只含字母、数字和 _ . : - (is required)");
        }
        Optional<Result> first = find(batch);
        if (first.isPresent()) {
            return new Upload(false, first.get());
        }
        if (!scope.isAdmin() && !scope.hasAnyRole(UPLOAD_ROLES)) {
            throw new OutsideScopeException("只有县级民政部门人员可以导入名单 / only county staff upload rosters");
        }
        long batchId;
        try {
            batchId = insertBatch(batch, source, fileName, countyOf(scope), actor);
        } catch (DuplicateKeyException concurrent) {
            // The same batch sent twice at once: the other upload committed it.
            return new Upload(false, find(batch).orElseThrow(() -> concurrent));
        }
        long t0 = System.nanoTime();
        Loader loader = bulkDir.isPresent() ? bulkLoad(batchId, scope, format, in) : batchInsert(batchId, scope, format,
                in);
        long read = (System.nanoTime() - t0) / 1_000_000;
        int duplicates = dropDuplicates(batchId, loader.seen.repeated());
        long repeats = (System.nanoTime() - t0) / 1_000_000 - read;
        int imported = loader.loaded - duplicates;
        int rejected = loader.rejectedRows + duplicates;
        jdbc.update("update roster_batch set row_count = ?, imported = ?, rejected = ? where id = ?", loader.rows,
                imported, rejected, batchId);
        log.info("roster {} ({}) by {}: {} rows, {} loaded, {} refused; read, checked and inserted in {} ms (inserts {}"
                + " ms), repeats looked for in {} ms", batch, source.name(), actor, loader.rows, imported, rejected, read,
                loader.insertNanos / 1_000_000, repeats);
        return new Upload(true, find(batch).orElseThrow());
    }

    /** Reads the file on this thread and inserts its rows in JDBC batches. */
    private Loader batchInsert(long batchId, StaffScope scope, Format format, InputStream in) throws IOException {
        Loader loader = new Loader(batchId, scope, villages(scope), null, null);
        read(format, in, loader);
        loader.finish();
        return loader;
    }

    /**
     * MySQL's bulk load beside the checking: a thread of its own reads and checks the rows and writes the valid ones
     * into files of {@value #CHUNK_ROWS} rows in the bulk-load directory; this thread loads each finished file with
     * {@code LOAD DATA LOCAL INFILE} (in the upload's transaction) while the next is written. The refused rows go to
     * a file of their own, loaded at the end. A failure on either side stops the other; the transaction rolls back.
     */
    private Loader bulkLoad(long batchId, StaffScope scope, Format format, InputStream in) throws IOException {
        Path dir = bulkDir.orElseThrow();
        Files.createDirectories(dir);
        Chunks chunks = new Chunks(dir);
        Path refusedFile = Files.createTempFile(dir, "roster-refused-", ".tsv");
        Tsv refused = new Tsv(Files.newOutputStream(refusedFile));
        Loader loader = new Loader(batchId, scope, villages(scope), chunks, refused);
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread checker = new Thread(() -> {
            try {
                read(format, in, loader);
            } catch (Throwable e) {
                failed.set(e);
            } finally {
                refused.close();
                chunks.finish();
            }
        }, "roster-check-" + batchId);
        long t0 = System.nanoTime();
        int loaded = 0;
        try {
            checker.start();
            try {
                // The batch row these rows refer to was written by this transaction: the foreign key's check of every
                // row is left out for the load (and restored on the connection, whatever happens).
                jdbc.execute("set session foreign_key_checks = 0");
                try {
                    for (Path chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                        try {
                            // Township and county are the village code's first 9 and 6 digits (区划代码): set by the
                            // server, not carried in the file.
                            loaded += loadFile(chunk, "roster_person", "(batch_id, line, id_number, name, village_code,"
                                    + " category, amount, disability_grade, disability_category, serious_illness,"
                                    + " per_capita_income, event_date, note) set township_code = left(village_code, 9),"
                                    + " county_code = left(village_code, 6)");
                        } finally {
                            Files.deleteIfExists(chunk);
                        }
                    }
                } finally {
                    jdbc.execute("set session foreign_key_checks = 1");
                }
            } finally {
                chunks.stop();
                checker.join();
                chunks.deleteLeft();
            }
            Throwable e = failed.get();
            if (e instanceof RuntimeException r) {
                throw r;
            } else if (e instanceof IOException io) {
                throw io;
            } else if (e != null) {
                throw new IllegalStateException("reading the roster failed", e);
            }
            loader.loaded = loaded;
            loader.insertNanos = System.nanoTime() - t0;
            loadFile(refusedFile, "roster_rejection", "(batch_id, line, field, message)");
            return loader;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading a roster", e);
        } finally {
            Files.deleteIfExists(refusedFile);
        }
    }

    /** Rows per bulk-load file: two megabytes or so, loaded while the next is written (the first waits for it). */
    static final int CHUNK_ROWS = 25_000;

    /** {@code LOAD DATA LOCAL INFILE} of a file of the bulk-load directory (the only one the driver may read). */
    private int loadFile(Path file, String table, String columns) {
        return jdbc.update("load data local infile '" + file.toAbsolutePath().toString().replace("\\", "/")
                + "' into table " + table + " character set utf8mb4 " + columns);
    }

    /**
     * The valid rows as a sequence of files handed from the checking thread to the loading one (at most two waiting,
     * so that a slow load holds the checking back instead of filling the disk).
     */
    private static final class Chunks {
        private static final Path END = Path.of("");
        private final Path dir;
        private final java.util.concurrent.BlockingQueue<Path> ready = new java.util.concurrent.ArrayBlockingQueue<>(2);
        private final List<Path> written = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean stopped;
        private Tsv current;
        private Path currentPath;
        private int rows;

        Chunks(Path dir) {
            this.dir = dir;
        }

        /** On the checking thread. */
        void write(Object[] row) {
            if (stopped) {
                throw new IllegalStateException("the roster's load stopped");
            }
            try {
                if (current == null) {
                    currentPath = Files.createTempFile(dir, "roster-", ".tsv");
                    written.add(currentPath);
                    current = new Tsv(Files.newOutputStream(currentPath));
                }
                current.write(row);
                if (++rows == CHUNK_ROWS) {
                    hand();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void hand() {
            current.close();
            put(currentPath);
            current = null;
            rows = 0;
        }

        /** On the checking thread, at its end (also after a failure). */
        void finish() {
            if (current != null) {
                hand();
            }
            put(END);
        }

        private void put(Path p) {
            try {
                while (!stopped && !ready.offer(p, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                    // the loader is busy with the file before; it takes this one when done
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** On the loading thread: the next finished file, or {@code null} at the end. */
        Path next() throws InterruptedException {
            Path p = ready.take();
            return p == END ? null : p;
        }

        /** The loading side gave up (or is done): the checking side stops at its next row. */
        void stop() {
            stopped = true;
            ready.clear();
        }

        /** Files written but never loaded (after a failure). */
        void deleteLeft() {
            synchronized (written) {
                for (Path p : written) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        log.warn("roster chunk {} not deleted: {}", p, e.toString());
                    }
                }
            }
        }
    }

    private static void read(Format format, InputStream in, Loader loader) throws IOException {
        if (format == Format.XLSX) {
            Path tmp = Files.createTempFile("roster-", ".xlsx");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                RosterFile.readXlsx(tmp, loader);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } else {
            RosterFile.readCsv(in, loader);
        }
    }

    /** 撤回: the batch's rows go (its rejections and record stay); 404 for an unknown batch. */
    @Transactional
    public Result withdraw(String batch, StaffScope scope, String actor) {
        Map<String, Object> b = jdbc.queryForList("select id, status, county_code from roster_batch where batch = ?",
                batch).stream().findFirst().orElseThrow(() -> new NotFoundException("没有批次号为 " + batch + " 的名单 / no "
                        + "roster batch " + batch));
        String county = (String) b.get("county_code");
        if (!scope.isAdmin() && !(scope.hasAnyRole(UPLOAD_ROLES) && (county == null || scope.canSee(county)))) {
            throw new OutsideScopeException("只有本县民政部门人员可以撤回名单 " + batch + " / you may not withdraw it");
        }
        if ("WITHDRAWN".equals(b.get("status"))) {
            throw new ConflictException("名单 " + batch + " 已撤回 / already withdrawn");
        }
        long id = ((Number) b.get("id")).longValue();
        int rows = jdbc.update("delete from roster_person where batch_id = ?", id);
        jdbc.update("update roster_batch set status = 'WITHDRAWN', withdrawn_by = ?, withdrawn_at = ? where id = ?",
                actor, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id);
        log.info("roster {} withdrawn by {}: {} rows removed", batch, actor, rows);
        return find(batch).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Result> find(String batch) {
        return jdbc.query("select id, batch, source, status, row_count, imported, rejected from roster_batch"
                + " where batch = ?", (rs, i) -> {
                    long id = rs.getLong("id");
                    String source = rs.getString("source");
                    List<Rejection> rejected = jdbc.query("select line, field, message from roster_rejection where"
                            + " batch_id = ? order by line, id limit " + REJECTIONS_SHOWN, (r, j) -> new Rejection(
                                    r.getInt("line"), r.getString("field"), r.getString("message")), id);
                    return new Result(rs.getString("batch"), source,
                            RosterSource.parse(source).map(RosterSource::label).orElse(source), rs.getString("status"),
                            rs.getInt("row_count"), rs.getInt("imported"), rs.getInt("rejected"), rejected);
                }, batch).stream().findFirst();
    }

    private long insertBatch(String batch, RosterSource source, String fileName, String county, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into roster_batch (batch, source, file_name,"
                    + " county_code, row_count, imported, rejected, status, uploaded_by, uploaded_at)"
                    + " values (?, ?, ?, ?, 0, 0, 0, 'LOADED', ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, batch);
            ps.setString(2, source.name());
            String name = Texts.singleLine(fileName);
            ps.setString(3, name == null ? null : name.length() > 200 ? name.substring(0, 200) : name);
            ps.setString(4, county);
            ps.setString(5, actor);
            ps.setObject(6, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            return ps;
        }, key);
        return key.getKeyAs(Number.class) != null ? key.getKeyAs(Number.class).longValue()
                : ((Number) key.getKeys().values().iterator().next()).longValue();
    }

    /**
     * Rows written as MySQL's {@code LOAD DATA} reads them by default: tab-separated, a null as backslash and N, tab,
     * newline, carriage return and backslash escaped with a backslash, UTF-8. (No backslash in this comment: Spring
     * Modulith's documentation reads the comments back with a JSON parser that trips over one.)
     */
    private static final class Tsv {
        private final java.io.Writer out;

        Tsv(java.io.OutputStream stream) {
            this.out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream,
                    java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
        }

        void write(Object[] row) {
            try {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        out.write('\t');
                    }
                    Object v = row[i];
                    if (v == null) {
                        out.write("\\N");
                    } else if (v instanceof Boolean b) {
                        out.write(b ? "1" : "0");
                    } else if (v instanceof BigDecimal d) {
                        out.write(d.toPlainString());
                    } else {
                        String text = v.toString();
                        for (int c = 0; c < text.length(); c++) {
                            char ch = text.charAt(c);
                            switch (ch) {
                                case '\t' -> out.write("\\t");
                                case '\n' -> out.write("\\n");
                                case '\r' -> out.write("\\r");
                                case '\\' -> out.write("\\\\");
                                default -> out.write(ch);
                            }
                        }
                    }
                }
                out.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void close() {
            try {
                out.close();
            } catch (IOException e) {
                log.debug("roster stream closed: {}", e.toString());
            }
        }
    }

    /** The uploader's one county, if he reviews for exactly one. */
    private static String countyOf(StaffScope scope) {
        List<String> counties = scope.visibleRegions().stream().filter(r -> r.length() == 6).toList();
        return counties.size() == 1 ? counties.get(0) : null;
    }

    /** The villages within the uploader's regions: village → township, county. */
    private Map<String, String[]> villages(StaffScope scope) {
        Map<String, String[]> villages = new HashMap<>();
        jdbc.query("select code, parent_code from region where level = ?", rs -> {
            String code = rs.getString("code");
            if (scope.isAdmin() || scope.canSee(code)) {
                villages.put(code, new String[] { rs.getString("parent_code"), code.substring(0, 6) });
            }
        }, RegionLevel.VILLAGE.name());
        return villages;
    }

    /**
     * A person twice in the batch (the same resident ID and category) is loaded once, at his first line; the later
     * lines are refused: one statement over the IDs the upload saw more than once (none when it saw none), or over the
     * whole batch when more than a thousand of them did.
     */
    private int dropDuplicates(long batchId, Set<String> repeatedIds) {
        // Only the IDs the upload saw more than once can have repeated rows (SeenIds): none, nothing to look for.
        int found = 0;
        if (repeatedIds.size() > JDBC_BATCH) {
            // Many people on several lines (a medical-cost roster: a line per stay): the batch grouped once. A statement
            // per thousand IDs scanned the batch each time (183 s for 350 000 IDs of a 700 000-row roster).
            found = refuseRepeats(batchId, List.of());
        } else {
            List<String> ids = new ArrayList<>(repeatedIds);
            for (int from = 0; from < ids.size(); from += JDBC_BATCH) {
                found += refuseRepeats(batchId, ids.subList(from, Math.min(ids.size(), from + JDBC_BATCH)));
            }
        }
        if (found > 0) {
            jdbc.update("delete from roster_person where batch_id = ? and line in (select r.line from"
                    + " roster_rejection r where r.batch_id = ? and r.field = 'idNumber' and r.message like"
                    + " '%只导入第一行')", batchId, batchId);
        }
        return found;
    }

    /**
     * Records the later lines of each repeated (resident ID, category) pair among these IDs (none: the whole batch) as
     * refused: the pairs grouped, joined back by the resident-ID index.
     */
    private int refuseRepeats(long batchId, List<String> ids) {
        String among = ids.isEmpty() ? "" : " and id_number in (" + String.join(", ", ids.stream().map(i -> "?")
                .toList()) + ")";
        List<Object> args = new ArrayList<>();
        args.add(batchId);
        args.addAll(ids);
        args.add(batchId);
        args.addAll(ids);
        return jdbc.update("insert into roster_rejection (batch_id, line, field, message) select p.batch_id, p.line,"
                + " 'idNumber', '" + REPEATED + "' from roster_person p"
                + " join (select id_number, coalesce(category, '') as category, min(line) as first_line"
                + " from roster_person where batch_id = ?" + among + " group by id_number, coalesce(category, '')"
                + " having count(*) > 1) d on d.id_number = p.id_number and d.category = coalesce(p.category, '')"
                + " and p.line > d.first_line where p.batch_id = ?" + among.replace("id_number", "p.id_number"),
                args.toArray());
    }

    /** Why a repeated line is refused (the delete of the repeated lines finds them by its end). */
    static final String REPEATED = "「公民身份号码」与本批次前面一行重复（同一类别），只导入第一行";

    /** Checks each row and loads the valid ones in JDBC batches; records the refused ones. */
    private final class Loader implements RosterFile.Rows {
        private final long batchId;
        private final Map<String, String[]> villages;
        private final StaffScope scope;
        private final LocalDate today = TimeConfig.today(clock);
        private int[] columns;
        private final List<Object[]> valid = new ArrayList<>(JDBC_BATCH);
        private final List<Object[]> refused = new ArrayList<>(JDBC_BATCH);
        int rows;
        long insertNanos;
        int loaded;
        int rejectedRows;

        /** Bulk mode: where the valid and the refused rows go, instead of JDBC batches. */
        private final Chunks bulk;
        private final Tsv bulkRefused;
        final SeenIds seen = new SeenIds();

        Loader(long batchId, StaffScope scope, Map<String, String[]> villages, Chunks bulk, Tsv bulkRefused) {
            this.batchId = batchId;
            this.scope = scope;
            this.villages = villages;
            this.bulk = bulk;
            this.bulkRefused = bulkRefused;
        }

        @Override
        public void header(List<String> names) {
            Map<String, Integer> at = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String raw = names.get(i) == null ? "" : names.get(i).strip();
                String name = ALIASES.getOrDefault(raw, raw);
                if (raw.isEmpty()) {
                    continue;
                }
                if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                    unknown.add(raw);
                } else if (at.putIfAbsent(name, i) != null) {
                    throw InvalidInputException.of("file", "表头「" + raw + "」重复 (a column appears twice)");
                }
            }
            if (!unknown.isEmpty()) {
                throw InvalidInputException.of("file", "表头含未知的列：" + String.join("、", unknown) + "；可用的列："
                        + String.join(", ", REQUIRED) + "（必填）, " + String.join(", ", OPTIONAL) + " (unknown columns)");
            }
            List<String> missing = REQUIRED.stream().filter(r -> !at.containsKey(r)).toList();
            if (!missing.isEmpty()) {
                throw InvalidInputException.of("file", "表头缺少必填的列：" + String.join(", ", missing)
                        + " (required columns missing)");
            }
            List<String> all = new ArrayList<>(REQUIRED);
            all.addAll(OPTIONAL);
            columns = all.stream().mapToInt(n -> at.getOrDefault(n, -1)).toArray();
        }

        private String cell(List<String> cells, int field) {
            int i = columns[field];
            if (i < 0 || i >= cells.size() || cells.get(i) == null) {
                return null;
            }
            String v = cells.get(i).strip();
            return v.isEmpty() ? null : v;
        }

        @Override
        public void row(int line, List<String> cells) {
            rows++;
            List<Rejection> problems = new ArrayList<>(2);
            String id = ResidentId.normalised(cell(cells, 0));
            String problem = id == null ? "必须填写" : ResidentId.problemWith(id, today);
            if (problem != null) {
                problems.add(new Rejection(line, "idNumber", "「公民身份号码」" + problem));
            }
            String name = Texts.singleLine(cell(cells, 1));
            if (name == null || name.isBlank()) {
                problems.add(new Rejection(line, "name", "「姓名」必须填写"));
            } else if (name.length() > 50) {
                problems.add(new Rejection(line, "name", "「姓名」不能超过 50 个字"));
            }
            String village = cell(cells, 2);
            String[] parents = village == null ? null : villages.get(village);
            if (village == null) {
                problems.add(new Rejection(line, "villageCode", "「村（社区）代码」必须填写"));
            } else if (parents == null) {
                problems.add(new Rejection(line, "villageCode", "「村（社区）代码」" + village
                        + (village.matches("\\d{12}") ? " 不是您辖区内的村（社区）" : " 须为 12 位区划代码")));
            }
            String category = Texts.singleLine(cell(cells, 3));
            if (category != null && category.length() > 40) {
                problems.add(new Rejection(line, "category", "「类别」不能超过 40 个字"));
            }
            BigDecimal amount = decimal(cell(cells, 4), line, "amount", problems);
            Integer grade = null;
            String gradeText = cell(cells, 5);
            if (gradeText != null) {
                grade = gradeText.matches("[1-4]") ? Integer.valueOf(gradeText) : null;
                if (grade == null) {
                    problems.add(new Rejection(line, "disabilityGrade", "「残疾等级」须为 1 至 4"));
                }
            }
            String disability = cell(cells, 6);
            String disabilityCategory = null;
            if (disability != null) {
                disabilityCategory = java.util.Arrays.stream(DisabilityCategory.values())
                        .filter(c -> c.name().equalsIgnoreCase(disability) || c.label().equals(disability))
                        .map(Enum::name).findFirst().orElse(null);
                if (disabilityCategory == null) {
                    problems.add(new Rejection(line, "disabilityCategory", "「残疾类别」须为视力、听力、言语、肢体、智力、精神或多重"));
                }
            }
            Boolean ill = null;
            String illText = cell(cells, 7);
            if (illText != null) {
                ill = switch (illText.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "是", "y", "yes" -> Boolean.TRUE;
                    case "false", "0", "否", "n", "no" -> Boolean.FALSE;
                    default -> null;
                };
                if (ill == null) {
                    problems.add(new Rejection(line, "seriousIllness", "「重病」须为 是/否"));
                }
            }
            BigDecimal income = decimal(cell(cells, 8), line, "perCapitaIncome", problems);
            LocalDate date = null;
            String dateText = cell(cells, 9);
            if (dateText != null) {
                try {
                    date = LocalDate.parse(dateText.replace('/', '-'));
                } catch (DateTimeParseException e) {
                    problems.add(new Rejection(line, "date", "「日期」须为 yyyy-MM-dd，如 2026-03-01"));
                }
            }
            String note = Texts.multiLine(cell(cells, 10));
            if (note != null && note.length() > 500) {
                problems.add(new Rejection(line, "note", "「备注」不能超过 500 个字"));
            }
            if (!problems.isEmpty()) {
                rejectedRows++;
                if (bulkRefused != null) {
                    problems.forEach(p -> bulkRefused.write(new Object[] { batchId, p.line(), p.field(), p.message() }));
                    return;
                }
                problems.forEach(p -> refused.add(new Object[] { batchId, p.line(), p.field(), p.message() }));
                if (refused.size() >= JDBC_BATCH) {
                    flushRefused();
                }
                return;
            }
            seen.add(id);
            Object[] checked = { batchId, line, id, name, village, parents[0], parents[1], category, amount, grade,
                    disabilityCategory, ill, income, date == null ? null : java.sql.Date.valueOf(date), note };
            if (bulk != null) {
                bulk.write(new Object[] { batchId, line, id, name, village, category, amount, grade, disabilityCategory,
                        ill, income, checked[13], note });
                return;
            }
            valid.add(checked);
            if (valid.size() >= JDBC_BATCH) {
                flushValid();
            }
        }

        private BigDecimal decimal(String text, int line, String field, List<Rejection> problems) {
            if (text == null) {
                return null;
            }
            try {
                BigDecimal v = new BigDecimal(text.replace(",", ""));
                if (v.signum() < 0 || v.stripTrailingZeros().scale() > 2 || v.precision() - v.scale() > 12) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                problems.add(new Rejection(line, field, "「" + LABELS.get(field) + "」须为不小于 0 的金额（元，至多两位小数）"));
                return null;
            }
        }

        /** The last rows inserted (JDBC batches). */
        void finish() {
            flushRefused();
            flushValid();
        }

        private void flushValid() {
            if (valid.isEmpty()) {
                return;
            }
            long t0 = System.nanoTime();
            jdbc.batchUpdate("insert into roster_person (batch_id, line, id_number, name, village_code, township_code,"
                    + " county_code, category, amount, disability_grade, disability_category, serious_illness,"
                    + " per_capita_income, event_date, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", valid,
                    PERSON_TYPES);
            loaded += valid.size();
            valid.clear();
            insertNanos += System.nanoTime() - t0;
        }

        private void flushRefused() {
            if (refused.isEmpty()) {
                return;
            }
            jdbc.batchUpdate("insert into roster_rejection (batch_id, line, field, message) values (?, ?, ?, ?)",
                    refused, new int[] { Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR });
            refused.clear();
        }
    }
}
