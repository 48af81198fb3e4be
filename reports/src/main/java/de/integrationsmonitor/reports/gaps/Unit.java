package de.integrationsmonitor.reports.gaps;

/** An org unit (Kreis, Gemeinde or Stadtteil) by id and name. */
public record Unit(String id, String name) {}
