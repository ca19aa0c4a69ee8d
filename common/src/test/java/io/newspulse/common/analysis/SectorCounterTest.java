package io.newspulse.common.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.testing.KbMini;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectorCounterTest {
    private static final KnowledgeBase KB = KbMini.load();

    private static EntitySummary entity(
            String id, EntityType type, int count, int relevance, String... sectors) {
        return new EntitySummary(
                id,
                type,
                id,
                List.of(),
                List.of(),
                List.of(sectors),
                null,
                count,
                relevance,
                0,
                List.of());
    }

    private static EntitySummary company(int count, int relevance, String... sectors) {
        return entity("c" + count + relevance, EntityType.COMPANY, count, relevance, sectors);
    }

    @Test
    void aCentralCompanyGivesEverySector() {
        List<SectorCount> s =
                SectorCounter.count(
                        List.of(
                                company(
                                        3,
                                        SectorCounter.CENTRAL_RELEVANCE,
                                        "sector.internet",
                                        "sector.gaming")),
                        KB);
        assertThat(s)
                .extracting(SectorCount::id, SectorCount::count, SectorCount::derived)
                .containsExactly(
                        tuple("sector.internet", 3, true), tuple("sector.gaming", 3, true));
    }

    @Test
    void aPassingCompanyAloneGivesNoSector() {
        List<SectorCount> s =
                SectorCounter.count(
                        List.of(company(1, 29, "sector.consumer_electronics", "sector.gaming")),
                        KB);
        assertThat(s).isEmpty();
    }

    @Test
    void passingCompaniesGiveTheirMainSectorWhenSharedNamedOrCarriedByACentralOne() {
        List<SectorCount> s =
                SectorCounter.count(
                        List.of(
                                entity("sector.banks", EntityType.SECTOR, 2, 70),
                                company(5, 60, "sector.semiconductors"),
                                // main sector named in the text
                                company(1, 29, "sector.banks", "sector.insurance"),
                                // main sector of two passing companies
                                company(2, 29, "sector.baijiu", "sector.retail"),
                                company(1, 28, "sector.baijiu"),
                                // main sector listed by the central company
                                company(1, 20, "sector.semiconductors", "sector.ai"),
                                // alone: left out
                                company(4, 30, "sector.oil_gas")),
                        KB);
        assertThat(s)
                .extracting(SectorCount::id, SectorCount::count, SectorCount::derived)
                .containsExactly(
                        tuple("sector.semiconductors", 6, true),
                        tuple("sector.banks", 3, false),
                        tuple("sector.baijiu", 3, true));
    }
}
