package org.doudi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the schedules at start: first those shipped in {@code classpath:calendar/}, then those an
 * operator dropped into {@code doudi.calendar.dir} (corrections, new years and provinces' own days off
 * such as {@code cn-45-2026.json}, no rebuild needed). A file only becomes a new version when it is newer
 * than the version the database holds (its {@code published} date, then its {@code revision}): a
 * correction made over the API stays in force across restarts.
 */
@Component
@Order(-10)
class CalendarLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarLoader.class);

    /** {@code cn-2026.json} (national) or {@code cn-45-2026.json} (广西's own days off). */
    private static final Pattern REGIONAL_FILE = Pattern.compile("cn-([0-9]{2})-[0-9]{4}\\.json");

    private final WorkingDayCalendar calendar;
    private final ObjectMapper json;
    private final Path dropIn;

    CalendarLoader(WorkingDayCalendar calendar, ObjectMapper json,
            @Value("${doudi.calendar.dir:${DOUDI_DATA_DIR:./data}/calendar}") Path dropIn) {
        this.calendar = calendar;
        this.json = json;
        this.dropIn = dropIn;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        loadShipped();
        loadDropIn();
    }

    /** Loads the files shipped with the application; returns how many became a new version. */
    int loadShipped() throws IOException {
        int n = 0;
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.json")) {
            try (InputStream in = r.getInputStream()) {
                HolidaySchedule s = withRegionOfName(json.readValue(in, HolidaySchedule.class), r.getFilename());
                if (calendar.loadFile(s, "classpath:calendar/" + r.getFilename()).added()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Loads the files of the drop-in folder; returns how many were read. */
    int loadDropIn() throws IOException {
        if (!Files.isDirectory(dropIn)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dropIn, "*.json")) {
            for (Path file : files) {
                try {
                    HolidaySchedule s = withRegionOfName(json.readValue(file.toFile(), HolidaySchedule.class),
                            file.getFileName().toString());
                    calendar.loadFile(s, "file:" + file.getFileName());
                    n++;
                } catch (RuntimeException | IOException e) {
                    log.error("calendar file {} not loaded: {}", file, e.getMessage());
                }
            }
        }
        return n;
    }

    /** A file named for a province holds that province's days, unless it names its region itself. */
    private static HolidaySchedule withRegionOfName(HolidaySchedule s, String fileName) {
        Matcher m = fileName == null ? null : REGIONAL_FILE.matcher(fileName);
        if (m != null && m.matches() && (s.region() == null || s.region().isBlank())) {
            return s.with(m.group(1), s.published(), s.revision());
        }
        return s;
    }
}
