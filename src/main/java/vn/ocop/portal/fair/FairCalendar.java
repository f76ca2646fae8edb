package vn.ocop.portal.fair;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Geo;
import biweekly.property.Status;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fairs as iCalendar feeds (RFC 5545), for calendar apps to subscribe to: {@code /fairs.ics} has every public
 * event (announced, postponed, cancelled; drafts never), {@code /fairs/province/{code}.ics} those held in one
 * province ({@code /fairs/province/01.ics}: Hà Nội). Each event is all-day (DTEND is the day after the last),
 * with a UID that stays the same for the fair's life, and links its public page. Built with biweekly.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class FairCalendar {

    static final MediaType CALENDAR = MediaType.of("text/calendar; charset=utf-8");

    private final Fairs fairs;
    private final String base;
    private final String uidDomain;

    FairCalendar(Fairs fairs, @Value("${ocop.public-base-url}") String base) {
        this.fairs = fairs;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.uidDomain = this.base.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
    }

    @Get(value = "/fairs.ics", produces = "text/calendar")
    HttpResponse<byte[]> all() {
        return feed(fairs.overlapping(null, null, null), "Hội chợ và xúc tiến thương mại OCOP");
    }

    @Get(value = "/fairs/province/{code}.ics", produces = "text/calendar")
    HttpResponse<byte[]> province(String code) {
        Optional<Map<String, String>> province = code.matches("^\\d{2}$")
                ? fairs.provinces().stream()
                        .filter(p -> p.get("code").equals(code))
                        .findFirst()
                : Optional.empty();
        if (province.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such province");
        }
        return feed(
                fairs.overlapping(null, null, code),
                "Hội chợ và xúc tiến thương mại OCOP — " + province.get().get("name"));
    }

    private HttpResponse<byte[]> feed(List<Fair> events, String name) {
        return HttpResponse.ok(calendar(events, name).getBytes(StandardCharsets.UTF_8))
                .contentType(CALENDAR)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=900");
    }

    String calendar(List<Fair> events, String name) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//OCOP Viet Nam//Fairs//VI");
        calendar.addName(name);
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        calendar.setExperimentalProperty("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh");
        for (Fair fair : events) {
            calendar.addEvent(event(fair));
        }
        return Biweekly.write(calendar).go();
    }

    private VEvent event(Fair fair) {
        VEvent event = new VEvent();
        event.setUid("fair-" + fair.id() + "@" + uidDomain);
        event.setDateTimeStamp(Date.from(fair.updatedAt()));
        event.setLastModified(Date.from(fair.updatedAt()));
        event.setCreated(Date.from(fair.createdAt()));
        event.setDateStart(new DateStart(day(fair.startsOn()), false));
        event.setDateEnd(new DateEnd(day(fair.endsOn().plusDays(1)), false));
        String summary = fair.name();
        if (fair.status() == Fair.Status.POSTPONED) {
            summary = "[Hoãn] " + summary;
        }
        event.setSummary(summary);
        event.setLocation(fair.location(false));
        if (fair.latitude() != null && fair.longitude() != null) {
            event.setGeo(new Geo(fair.latitude(), fair.longitude()));
        }
        event.setStatus(
                switch (fair.status()) {
                    case CANCELLED -> Status.cancelled();
                    case POSTPONED -> Status.tentative();
                    default -> Status.confirmed();
                });
        event.setDescription(description(fair));
        event.setUrl(base + "/fairs/" + fair.id());
        return event;
    }

    private String description(Fair fair) {
        StringBuilder text = new StringBuilder();
        text.append("Đơn vị tổ chức: ").append(fair.organiser()).append('\n');
        if (!fair.description().isBlank()) {
            text.append('\n').append(fair.description()).append('\n');
        }
        text.append('\n').append(base).append("/fairs/").append(fair.id());
        return text.toString();
    }

    /** A day as biweekly writes a date without time: midnight of the JVM's zone, which it formats in. */
    static Date day(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    static @Nullable LocalDate day(@Nullable Date date) {
        return date == null
                ? null
                : date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
}
