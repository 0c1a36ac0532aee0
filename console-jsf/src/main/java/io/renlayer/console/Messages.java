package io.renlayer.console;

import io.renlayer.core.errors.ConflictException;
import io.renlayer.core.errors.ForbiddenException;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.errors.StorageException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Service errors as messages on the page, in the words the API uses. */
final class Messages {

    private Messages() {}

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** Runs a change; a refusal becomes an error message instead of an error page. */
    static boolean attempt(Runnable change) {
        try {
            change.run();
            return true;
        } catch (InvalidRequestException e) {
            error(e.field() + ": " + e.getMessage());
        } catch (ConflictException | NotFoundException | ForbiddenException e) {
            error(e.getMessage());
        } catch (StorageException e) {
            error("The database cannot be reached right now; nothing was changed.");
        }
        return false;
    }
}
