package vn.ocop.portal.fair;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The fair pages a sitemap lists: {@code /fairs} and the page of every public event, with its last change. */
@Singleton
public class FairSiteMap {

    /** A page's path and the day it last changed (null for the list, which changes every day). */
    public record Page(String path, LocalDate lastModified) {}

    private final Fairs fairs;

    FairSiteMap(Fairs fairs) {
        this.fairs = fairs;
    }

    public List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("/fairs", null));
        for (Fair fair : fairs.overlapping(null, null, null)) {
            pages.add(new Page(
                    "/fairs/" + fair.id(),
                    fair.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate()));
        }
        return pages;
    }
}
