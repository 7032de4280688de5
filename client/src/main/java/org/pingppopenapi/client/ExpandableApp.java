package org.pingppopenapi.client;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;
import org.pingppopenapi.client.model.App;

/** An app's id ({@code app_...}), or the {@link App} itself after {@code expand[]=app} (for example {@code charge.app}). */
@JsonSerialize(using = Expandable.Serializer.class)
@JsonDeserialize(using = ExpandableApp.Deserializer.class)
public final class ExpandableApp extends Expandable<App> {

    private ExpandableApp(String id, App app) {
        super(id, app);
    }

    /** The app by id, not expanded. */
    public static ExpandableApp ofId(String id) {
        return new ExpandableApp(Objects.requireNonNull(id, "id"), null);
    }

    /** The expanded app; its id is the app's. */
    public static ExpandableApp of(App app) {
        return new ExpandableApp(app.getId(), app);
    }

    static final class Deserializer extends Expandable.Deserializer<App, ExpandableApp> {

        Deserializer() {
            super(App.class, ExpandableApp::ofId, ExpandableApp::of);
        }
    }
}
