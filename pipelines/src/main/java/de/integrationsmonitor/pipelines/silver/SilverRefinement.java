package de.integrationsmonitor.pipelines.silver;

import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Bronze to silver, one refinement per source: {@link ReferenceRefinement}, {@link OfferRefinement},
 * {@link ParticipationRefinement}, {@link WorkshopRefinement}, {@link ModelProjectRefinement}. Each parses,
 * validates, normalises vocabularies, resolves cities to org units and drops personal data; rejected rows come back
 * with their reason. Pure functions of bronze frames; {@link SilverJob} reads and writes.
 */
public final class SilverRefinement {
    private final ReferenceRefinement reference;
    private final OfferRefinement offers;
    private final ParticipationRefinement participation;
    private final WorkshopRefinement workshops;
    private final ModelProjectRefinement modelProjects;

    public SilverRefinement(SparkSession spark, Vocabularies vocabularies) {
        this.reference = new ReferenceRefinement(spark, vocabularies);
        this.offers = new OfferRefinement(vocabularies);
        this.participation = new ParticipationRefinement();
        this.workshops = new WorkshopRefinement(vocabularies);
        this.modelProjects = new ModelProjectRefinement();
    }

    /** Silver tables produced from one source, and the rows it rejected. */
    public record Refined(Map<TableDef, Dataset<Row>> tables, Dataset<Row> rejected) {
        /** Every table already has its catalog columns and types, so tests see what the warehouse stores. */
        public Refined {
            Map<TableDef, Dataset<Row>> conformed = new LinkedHashMap<>();
            tables.forEach((table, rows) -> conformed.put(table, Warehouse.conform(table, rows)));
            tables = java.util.Collections.unmodifiableMap(conformed);
        }
    }

    public Refined orgUnits(Dataset<Row> bronze) {
        return reference.orgUnits(bronze);
    }

    public Refined boundaries(Dataset<Row> bronze, OrgUnits orgUnits) {
        return reference.boundaries(bronze, orgUnits);
    }

    public Refined demand(Dataset<Row> bronze, OrgUnits orgUnits) {
        return reference.demand(bronze, orgUnits);
    }

    public Refined offers(Dataset<Row> bronze, OrgUnits orgUnits) {
        return offers.offers(bronze, orgUnits);
    }

    public Refined events(Dataset<Row> bronze, Dataset<Row> silverOffers, OrgUnits orgUnits) {
        return participation.events(bronze, silverOffers, orgUnits);
    }

    public Refined workshops(Dataset<Row> bronze, OrgUnits orgUnits) {
        return workshops.workshops(bronze, orgUnits);
    }

    public Refined statements(Dataset<Row> bronze, Dataset<Row> silverWorkshops) {
        return workshops.statements(bronze, silverWorkshops);
    }

    public Refined projects(Dataset<Row> bronze, OrgUnits orgUnits) {
        return modelProjects.projects(bronze, orgUnits);
    }

    public Refined indicators(Dataset<Row> bronze) {
        return modelProjects.indicators(bronze);
    }

    public Refined indicatorValues(Dataset<Row> bronze, Dataset<Row> silverProjects, Dataset<Row> silverIndicators) {
        return modelProjects.indicatorValues(bronze, silverProjects, silverIndicators);
    }

    public Refined caseEvents(Dataset<Row> bronze, Dataset<Row> silverProjects) {
        return modelProjects.caseEvents(bronze, silverProjects);
    }
}
