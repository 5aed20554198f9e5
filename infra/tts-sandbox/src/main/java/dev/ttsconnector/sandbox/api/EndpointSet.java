package dev.ttsconnector.sandbox.api;

import java.util.List;

/** A group of TikTok endpoints (one API area). */
public interface EndpointSet {
    List<Route> routes();
}
