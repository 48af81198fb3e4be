package de.integrationsmonitor.bench;

import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.util.EnumMap;
import java.util.Map;

/** The three published marts as our pipeline wrote them to a warehouse. */
public final class GoldMarts {
    private GoldMarts() {}

    public static Map<Mart, MartRows> read(Warehouse warehouse) {
        Map<Mart, MartRows> marts = new EnumMap<>(Mart.class);
        for (Mart mart : Mart.values()) {
            marts.put(mart, MartRows.of(mart, warehouse.read(mart.table())));
        }
        return marts;
    }
}
