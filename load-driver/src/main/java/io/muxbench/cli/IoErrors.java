package io.muxbench.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why a file operation failed, in words for a one-line error instead of an exception's class name. */
final class IoErrors {

    private IoErrors() {
    }

    /** E.g. {@code /x/run: permission denied}, {@code /x/run: a file is in the way}. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + reason(e);
        }
        return reason(e);
    }

    /** E.g. {@code permission denied}, without the file. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        } else if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        } else if (e instanceof NotDirectoryException) {
            return "not a folder";
        } else if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        } else if (e instanceof FileSystemException fs) {
            return fs.getReason() == null ? "failed" : lowerFirst(fs.getReason());
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
