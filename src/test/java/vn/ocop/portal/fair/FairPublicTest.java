package vn.ocop.portal.fair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;

/**
 * What the public sees of the fairs: drafts nowhere, the accepted participants with their booths and products and
 * never the declined ones, a cancelled event said so; the iCalendar feeds read back with biweekly match the data;
 * the JSON API answers a period and refuses bad parameters with a problem body.
 */
@MicronautTest(transactional = false)
class FairPublicTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    FairSiteMap siteMap;

    @Value("${ocop.public-base-url}")
    String baseUrl;

    @Test
    void shouldShowAFairWithItsAcceptedParticipantsAndHideDraftsAndDeclinedOnes() {
        FairFixtures fixtures = new FairFixtures(transactions);
        LocalDate today = FairFixtures.today();
        String word = UUID.randomUUID().toString().substring(0, 8);
        long fair = fixtures.fair(
                "Hội chợ công khai " + word, "01", "01", "ANNOUNCED", today.minusDays(10), today.minusDays(8), null);
        long draft = fixtures.fair(
                "Hội chợ nháp " + word, "01", "01", "DRAFT", today.plusDays(10), today.plusDays(12), null);
        long cancelled = fixtures.fair(
                "Hội chợ bị hủy " + word, "01", "01", "CANCELLED", today.plusDays(10), today.plusDays(12), null);
        FairFixtures.Maker accepted = fixtures.producer("01", 2);
        FairFixtures.Maker declined = fixtures.producer("01", 1);
        long participant = fixtures.participant(
                fair, accepted.producerId(), "ACCEPTED", "B07", accepted.products()[0], accepted.products()[1]);
        fixtures.participant(fair, declined.producerId(), "DECLINED", null, declined.products()[0]);
        fixtures.result(participant, 9_000_000, 1, 2, 250);

        Document page = Pages.html(Pages.fetch(http, "/fairs/" + fair));
        assertTrue(page.text().contains(accepted.name()));
        assertFalse(page.text().contains(declined.name()), "a declined producer is not shown");
        assertEquals(
                "Gian hàng B07",
                page.selectFirst("[data-participant=" + participant + "] [data-booth]")
                        .text());
        assertEquals(
                2,
                page.select("[data-participant=" + participant + "] [data-product]")
                        .size());
        assertEquals(
                "9.000.000 ₫",
                page.selectFirst("[data-results] [data-total=sales]").text());

        assertEquals(HttpStatus.NOT_FOUND, Pages.fetch(http, "/fairs/" + draft).getStatus());
        assertEquals(
                HttpStatus.NOT_FOUND, Pages.fetch(http, "/en/fairs/" + draft).getStatus());
        Document cancelledPage = Pages.html(Pages.fetch(http, "/en/fairs/" + cancelled));
        assertNotNull(cancelledPage.selectFirst("[role=alert][data-alert=cancelled]"));

        Document list = Pages.html(Pages.fetch(http, "/fairs?province=01"));
        assertNotNull(list.selectFirst("[data-fair=" + fair + "][data-when=PAST]"), "past events are listed");
        assertNotNull(list.selectFirst("[data-fair=" + cancelled + "][data-status=CANCELLED]"));
        assertNull(list.selectFirst("[data-fair=" + draft + "]"), "a draft is not listed");
        assertNull(
                Pages.html(Pages.fetch(http, "/fairs?province=68")).selectFirst("[data-fair=" + fair + "]"),
                "the province filter");
        assertNull(
                Pages.html(Pages.fetch(http, "/fairs?province=01&kind=EXHIBITION"))
                        .selectFirst("[data-fair=" + fair + "]"),
                "the kind filter");
        // The sitemap is rebuilt every ten minutes: ask what it lists.
        List<String> mapped =
                siteMap.pages().stream().map(FairSiteMap.Page::path).toList();
        assertTrue(mapped.contains("/fairs/" + fair), "public events are in the sitemap");
        assertTrue(mapped.contains("/fairs"));
        assertFalse(mapped.contains("/fairs/" + draft));
    }

    @Test
    void shouldPublishTheFairsAsICalendarFeedsThatReadBackAsTheData() {
        FairFixtures fixtures = new FairFixtures(transactions);
        LocalDate today = FairFixtures.today();
        String word = UUID.randomUUID().toString().substring(0, 8);
        long hanoi = fixtures.fair(
                "Hội chợ lịch " + word, "01", "01", "ANNOUNCED", today.plusDays(3), today.plusDays(6), null);
        long cancelled = fixtures.fair(
                "Hội chợ lịch hủy " + word, "01", null, "CANCELLED", today.plusDays(8), today.plusDays(8), null);
        long draft = fixtures.fair(
                "Hội chợ lịch nháp " + word, "01", "01", "DRAFT", today.plusDays(3), today.plusDays(6), null);
        long lamdong = fixtures.fair(
                "Hội chợ lịch Lâm Đồng " + word, "68", "68", "ANNOUNCED", today.plusDays(3), today.plusDays(6), null);

        HttpResponse<String> all = Pages.fetch(http, "/fairs.ics");
        assertEquals(HttpStatus.OK, all.getStatus());
        assertEquals(
                "text/calendar;charset=utf-8",
                all.getContentType().orElseThrow().toString().replace(" ", ""));
        ICalendar calendar = Biweekly.parse(all.body()).first();
        assertNotNull(calendar, all.body());
        assertFalse(calendar.getNames().isEmpty(), "the calendar has a name");
        Map<String, VEvent> events = calendar.getEvents().stream()
                .collect(Collectors.toMap(e -> e.getUid().getValue(), e -> e));
        String uidDomain = baseUrl.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
        VEvent event = events.get("fair-" + hanoi + "@" + uidDomain);
        assertNotNull(event, "a stable UID: " + events.keySet());
        assertEquals("Hội chợ lịch " + word, event.getSummary().getValue());
        assertFalse(event.getDateStart().getValue().hasTime(), "an all-day event");
        assertEquals(today.plusDays(3), FairCalendar.day(event.getDateStart().getValue()));
        assertEquals(today.plusDays(7), FairCalendar.day(event.getDateEnd().getValue()), "the end is exclusive");
        assertEquals(21.03, event.getGeo().getLatitude().doubleValue(), 1e-9);
        assertEquals(105.85, event.getGeo().getLongitude().doubleValue(), 1e-9);
        assertTrue(event.getLocation().getValue().contains("Nhà thi đấu Kiểm Thử"));
        assertEquals(baseUrl + "/fairs/" + hanoi, event.getUrl().getValue());
        assertNotNull(event.getDateTimeStamp());
        assertNotNull(event.getLastModified());
        assertTrue(event.getDescription().getValue().contains("Sở Công Thương Kiểm Thử"));
        assertEquals(
                "CANCELLED",
                events.get("fair-" + cancelled + "@" + uidDomain).getStatus().getValue());
        assertFalse(events.containsKey("fair-" + draft + "@" + uidDomain), "a draft is not published");
        assertTrue(events.containsKey("fair-" + lamdong + "@" + uidDomain));

        ICalendar hanoiOnly = Biweekly.parse(
                        Pages.fetch(http, "/fairs/province/01.ics").body())
                .first();
        List<String> uids =
                hanoiOnly.getEvents().stream().map(e -> e.getUid().getValue()).toList();
        assertTrue(uids.contains("fair-" + hanoi + "@" + uidDomain));
        assertFalse(uids.contains("fair-" + lamdong + "@" + uidDomain), "only the province's events");
        long hanoiPublic =
                Sql.number(transactions, "select count(*) from fair where province_code = '01' and status <> 'DRAFT'");
        assertEquals(hanoiPublic, uids.size());
        assertEquals(
                HttpStatus.NOT_FOUND,
                Pages.fetch(http, "/fairs/province/99.ics").getStatus());
    }

    @Test
    void shouldAnswerAPeriodAndRefuseBadParametersWithAProblem() throws Exception {
        FairFixtures fixtures = new FairFixtures(transactions);
        LocalDate day = LocalDate.of(2031, 3, 10);
        String word = UUID.randomUUID().toString().substring(0, 8);
        long inside = fixtures.fair("Hội chợ API " + word, "46", null, "ANNOUNCED", day, day.plusDays(3), null);
        long draft = fixtures.fair("Hội chợ API nháp " + word, "46", null, "DRAFT", day, day.plusDays(3), null);

        JsonNode answer = JSON.readTree(Pages.fetch(http, "/api/v1/fairs?from=2031-03-12&to=2031-03-12&province=46")
                .body());
        List<Long> ids = ids(answer);
        assertTrue(ids.contains(inside), "an event overlapping the day");
        assertFalse(ids.contains(draft));
        assertEquals(answer.get("total").asInt(), ids.size());
        assertTrue(
                ids(JSON.readTree(
                                Pages.fetch(http, "/api/v1/fairs?to=2031-03-10").body()))
                        .contains(inside),
                "an open start");
        assertFalse(
                ids(JSON.readTree(Pages.fetch(http, "/api/v1/fairs?from=2031-03-14")
                                .body()))
                        .contains(inside),
                "over before the period");

        for (String query : List.of(
                "from=12/03/2031", "from=2031-02-30", "from=2031-03-12&to=2031-03-01", "province=99", "province=Hue")) {
            HttpResponse<String> refused =
                    Pages.fetch(http, HttpRequest.GET("/api/v1/fairs?" + query).accept("application/json"));
            assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus(), query);
            assertEquals(
                    "application/problem+json",
                    refused.getContentType().orElseThrow().toString(),
                    query);
            String body = refused.getBody(String.class).orElse("");
            JsonNode problem = JSON.readTree(body);
            assertEquals(400, problem.path("status").asInt(), body);
            assertFalse(problem.path("detail").asText().isBlank(), query + ": " + body);
        }
    }

    private static List<Long> ids(JsonNode answer) {
        List<Long> ids = new java.util.ArrayList<>();
        answer.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
