/*
 * Report an error: select the mistake, press Ctrl+Enter (Cmd+Enter on macOS),
 * or follow "Report an error", and a dialog sends the passage, a little text
 * either side of it, a comment and an optional e-mail to /report-error/.
 *
 * Without this script the link leads to the plain form on the server. The
 * page carries no token: the endpoint checks the request's origin itself.
 * The dialog keeps what the reader typed whatever the server answers, and is
 * cleared only once a report has been accepted.
 */
(function () {
    "use strict";

    var dialog = document.getElementById("report-dialog");
    if (!dialog || typeof dialog.showModal !== "function") {
        return; // no dialog support: the link keeps leading to the plain form
    }
    var form = dialog.querySelector("form");
    var fields = {
        text: form.elements.text,
        comment: form.elements.comment,
        email: form.elements.email,
        website: form.elements.website
    };
    var status = dialog.querySelector(".report-dialog__status");
    var send = dialog.querySelector(".report-dialog__send");
    var CONTEXT_LENGTH = 200;
    var MAX_PASSAGE = 1000;
    var context = { before: "", after: "" };
    var returnFocusTo = null;
    var sending = false;

    function textContainer(node) {
        var element = node.nodeType === 1 ? node : node.parentElement;
        return (element && element.closest(".story-body, article, main")) || document.body;
    }

    function collapse(text) {
        return text.replace(/\s+/g, " ");
    }

    function readSelection() {
        var selection = window.getSelection();
        if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
            return null;
        }
        var range = selection.getRangeAt(0);
        if (dialog.contains(range.commonAncestorContainer)) {
            return null;
        }
        var text = selection.toString().trim();
        if (!text) {
            return null;
        }
        var container = textContainer(range.commonAncestorContainer);
        var before = document.createRange();
        before.selectNodeContents(container);
        before.setEnd(range.startContainer, range.startOffset);
        var after = document.createRange();
        after.selectNodeContents(container);
        after.setStart(range.endContainer, range.endOffset);
        // Layout whitespace between blocks is not the reader's text: collapse it, keep the inner edges.
        return {
            text: text.slice(0, MAX_PASSAGE),
            before: collapse(before.toString()).replace(/^\s+/, "").slice(-CONTEXT_LENGTH),
            after: collapse(after.toString()).replace(/\s+$/, "").slice(0, CONTEXT_LENGTH)
        };
    }

    function showStatus(message, isError) {
        status.textContent = message;
        status.setAttribute("role", isError ? "alert" : "status");
        status.classList.toggle("report-dialog__status--error", Boolean(isError));
        status.classList.toggle("report-dialog__status--done", !isError && Boolean(message));
    }

    function markInvalid(errors) {
        Object.keys(fields).forEach(function (name) {
            var field = fields[name];
            if (errors && errors[name]) {
                field.setAttribute("aria-invalid", "true");
            } else {
                field.removeAttribute("aria-invalid");
            }
        });
    }

    function focusable() {
        return Array.prototype.filter.call(
            dialog.querySelectorAll("a[href], button, input, textarea, select, [tabindex]"),
            function (element) {
                return !element.disabled && element.tabIndex >= 0 && element.getClientRects().length > 0;
            }
        );
    }

    function open(selected) {
        returnFocusTo = document.activeElement;
        if (selected) {
            fields.text.value = selected.text;
            context = { before: selected.before, after: selected.after };
        } else if (!fields.text.value) {
            context = { before: "", after: "" };
        }
        if (!sending) {
            showStatus("", false);
        }
        markInvalid(null);
        if (!dialog.open) {
            dialog.showModal();
        }
        (selected ? fields.comment : fields.text).focus();
    }

    function close() {
        if (dialog.open) {
            dialog.close();
        }
    }

    dialog.addEventListener("close", function () {
        if (returnFocusTo && typeof returnFocusTo.focus === "function") {
            returnFocusTo.focus();
        }
        returnFocusTo = null;
    });

    // Keep Tab and Shift+Tab inside the dialog; Escape closes it (the browser's cancel event).
    dialog.addEventListener("keydown", function (event) {
        if (event.key !== "Tab") {
            return;
        }
        var items = focusable();
        if (items.length === 0) {
            return;
        }
        var first = items[0];
        var last = items[items.length - 1];
        if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first.focus();
        }
    });

    dialog.querySelector("[data-close]").addEventListener("click", close);

    // A click on the backdrop (outside the form) closes too.
    dialog.addEventListener("click", function (event) {
        if (event.target === dialog) {
            close();
        }
    });

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.altKey) {
            return;
        }
        if (dialog.open) {
            if (dialog.contains(document.activeElement)) {
                event.preventDefault();
                form.requestSubmit();
            }
            return;
        }
        var selected = readSelection();
        if (selected) {
            event.preventDefault();
            open(selected);
        }
    });

    Array.prototype.forEach.call(document.querySelectorAll("[data-report-error]"), function (link) {
        link.addEventListener("click", function (event) {
            event.preventDefault();
            open(readSelection());
        });
    });

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (sending) {
            return;
        }
        if (!fields.text.value.trim()) {
            showStatus("Please paste or type the wrong passage first.", true);
            markInvalid({ text: true });
            fields.text.focus();
            return;
        }
        var report = {
            page: dialog.getAttribute("data-page"),
            url: window.location.href.split("#")[0],
            text: fields.text.value,
            before: context.before,
            after: context.after,
            comment: fields.comment.value,
            email: fields.email.value,
            website: fields.website.value
        };
        sending = true;
        send.disabled = true;
        showStatus("Sending…", false);
        fetch(dialog.getAttribute("data-endpoint"), {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "Accept": "application/json" },
            body: JSON.stringify(report)
        })
            .then(function (response) {
                return response.json().catch(function () {
                    return { ok: false, message: "The newsroom could not take your report just now (" + response.status + ")." };
                }).then(function (answer) {
                    return { status: response.status, answer: answer };
                });
            })
            .then(function (result) {
                if (result.answer.ok) {
                    form.reset();
                    context = { before: "", after: "" };
                    markInvalid(null);
                    showStatus(result.answer.message || "Thank you: the newsroom has your report.", false);
                } else {
                    markInvalid(result.answer.errors);
                    showStatus((result.answer.message || "Your report was not accepted.") + " What you typed is still here.", true);
                }
            })
            .catch(function () {
                showStatus("Your report could not be sent: check your connection and try again. What you typed is still here.", true);
            })
            .then(function () {
                sending = false;
                send.disabled = false;
            });
    });
})();
