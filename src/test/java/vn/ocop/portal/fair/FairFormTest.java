package vn.ocop.portal.fair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fair form on its own: what it accepts, and every field it names when something is wrong. */
class FairFormTest {

    static Map<String, String> valid() {
        Map<String, String> form = new HashMap<>();
        form.put("name", "Hội chợ OCOP");
        form.put("kind", "FAIR");
        form.put("organiser", "Sở Công Thương");
        form.put("venue", "Nhà văn hóa");
        form.put("address", "Số 1");
        form.put("province", "01");
        form.put("startsOn", "2027-01-10");
        form.put("endsOn", "2027-01-10");
        form.put("status", "ANNOUNCED");
        return form;
    }

    @Test
    void shouldAcceptAOneDayEventWithoutPlaceOrApplications() {
        FairForm form = FairForm.read(valid());
        assertEquals(Set.of(), form.errors);
        assertNotNull(form.draft);
        assertNull(form.draft.latitude());
        assertNull(form.draft.applicationsUntil());
    }

    @Test
    void shouldNameEveryWrongField() {
        Map<String, String> posted = valid();
        posted.put("name", " ");
        posted.put("kind", "PARTY");
        posted.put("province", "1");
        posted.put("latitude", "91");
        posted.put("longitude", "105");
        posted.put("startsOn", "10/01/2027");
        posted.put("applicationsUntil", "2027-01-11");
        posted.put("status", "OPEN");
        posted.put("visitors", "nhiều");
        posted.put("description", "x".repeat(5001));
        FairForm form = FairForm.read(posted);
        assertEquals(
                Set.of(
                        "name",
                        "kind",
                        "province",
                        "latitude",
                        "startsOn",
                        "applicationsUntil",
                        "status",
                        "visitors",
                        "description"),
                form.errors);
        assertNull(form.draft);
        assertEquals("10/01/2027", form.value("startsOn"), "what was typed is kept");
    }

    @Test
    void shouldReadThousandsSeparatorsInVisitorsAndACommaInCoordinates() {
        Map<String, String> posted = valid();
        posted.put("visitors", "12.500");
        posted.put("latitude", "21,0285");
        posted.put("longitude", "105.8542");
        FairForm form = FairForm.read(posted);
        assertEquals(12_500, form.draft.visitors().intValue());
        assertEquals(21.0285, form.draft.latitude().doubleValue(), 1e-9);
    }
}
