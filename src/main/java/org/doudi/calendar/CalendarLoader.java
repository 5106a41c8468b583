package org.doudi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
 * operator dropped into {@code doudi.calendar.dir} (corrections and new years, no rebuild needed). A
 * schedule equal to the one in force adds nothing; a different one becomes the next version.
 */
@Component
@Order(-10)
class CalendarLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarLoader.class);

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
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.json")) {
            try (InputStream in = r.getInputStream()) {
                calendar.load(json.readValue(in, HolidaySchedule.class), "classpath:calendar/" + r.getFilename(),
                        "system");
            }
        }
        loadDropIn();
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
                    calendar.load(json.readValue(file.toFile(), HolidaySchedule.class), "file:" + file.getFileName(),
                            "system");
                    n++;
                } catch (RuntimeException | IOException e) {
                    log.error("calendar file {} not loaded: {}", file, e.getMessage());
                }
            }
        }
        return n;
    }
}
