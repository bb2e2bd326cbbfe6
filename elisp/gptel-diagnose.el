;;; gptel-diagnose.el --- Explain failed gptel requests  -*- lexical-binding: t -*-

;; Copyright (C) 2026 The gptel-diagnose authors

;; Author: The gptel-diagnose authors
;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (gptel "0.9.8") (jsonrpc "1.0.14"))
;; Keywords: tools, convenience
;; URL: https://github.com/gptel-diagnose/gptel-diagnose

;; This file is not part of GNU Emacs.

;; This program is free software; you can redistribute it and/or modify
;; it under the terms of the GNU General Public License as published by
;; the Free Software Foundation, either version 3 of the License, or
;; (at your option) any later version.

;; This program is distributed in the hope that it will be useful,
;; but WITHOUT ANY WARRANTY; without even the implied warranty of
;; MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
;; GNU General Public License for more details.

;; You should have received a copy of the GNU General Public License
;; along with this program.  If not, see <https://www.gnu.org/licenses/>.

;;; Commentary:

;; When a gptel request fails, gptel shows the provider's raw message.
;; `gptel-diagnose-mode' watches every gptel request (`gptel-send',
;; `gptel-rewrite', `gptel-request' with or without a callback), and
;; when one fails it asks the gptel-diagnose server what really went
;; wrong.  The answer appears in the echo area as one line, with the
;; `setq' that fixes it when there is one:
;;
;;   gptel-diagnose: Your OpenAI API account is out of credit ...
;;
;; `M-x gptel-diagnose' shows the details of the last failure: the
;; explanation, the steps, the fixes as buttons, links, and the
;; (redacted) raw error.  `gptel-diagnose-apply-fix' applies a fix on
;; your say-so, `gptel-diagnose-undo-fix' takes it back, and
;; `gptel-diagnose-retry' resends the request that failed.
;;
;; The server is a small Python program speaking JSON-RPC over stdio.
;; It starts on the first failure, never at Emacs start-up.
;; `M-x gptel-diagnose-install-server' installs it into a private
;; environment; `gptel-diagnose-server-command' says how to run it.
;;
;; Nothing here changes a setting by itself, and no API key is ever
;; sent to the server or shown.
;;
;; The code is in layers; each file requires only those below it and
;; never calls up:
;;
;;   gptel-diagnose.el         commands, echo line, details buffer, fixes
;;   gptel-diagnose-gptel.el   the one place that knows gptel's internals
;;   gptel-diagnose-server.el  connection, encoding, redaction, log, install
;;   gptel-diagnose-tables.el  data shared with the server (generated)

;;; Code:

(require 'cl-lib)
(require 'jsonrpc)
(require 'seq)
(require 'subr-x)
(require 'button)
(require 'gptel-diagnose-tables)
(require 'gptel-diagnose-server)
(require 'gptel-diagnose-gptel)

;;;; Customization

(defcustom gptel-diagnose-auto 'automatic
  "When to explain a failed gptel request.
`automatic': at once, in the echo area.  `ask': ask first.
`on-request': only when you call \\[gptel-diagnose]."
  :type '(choice (const :tag "Automatically" automatic)
                 (const :tag "Ask first" ask)
                 (const :tag "Only on request" on-request))
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-echo-lines 2
  "Screen lines the diagnosis may take in the echo area; longer ones are shortened."
  :type 'natnum
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-offer-save t
  "Whether applying a global fix offers to save it for future sessions."
  :type 'boolean
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-recent 1800
  "Seconds during which a failure counts as recent for \\[gptel-diagnose].
With no recent failure, \\[gptel-diagnose] runs a checkup instead."
  :type 'natnum
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-check-timeout 25
  "Seconds to wait for a checkup; the server bounds its own probes to 15."
  :type 'number
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defconst gptel-diagnose--details-buffer "*gptel-diagnose*"
  "Name of the details buffer; gptel's own is *gptel-diagnostic*.")

;;;; State

(defvar gptel-diagnose--last-failure nil
  "The most recent failure, in any buffer.")

(defvar-local gptel-diagnose--buffer-failure nil
  "The most recent failure of a request made from this buffer.")

(defvar-local gptel-diagnose--details-failure nil
  "The failure the details buffer shows.")

(defvar gptel-diagnose--applied nil
  "Fixes applied, newest first, each a plist with what undoing it needs.")

(defvar gptel-diagnose--countdown nil
  "The timer of a pending delayed resend, or nil.")

(defvar gptel-diagnose--pending-line nil
  "A diagnosis line waiting for the minibuffer to close.")

(cl-defstruct (gptel-diagnose--failure
               (:constructor gptel-diagnose--make-failure)
               (:copier nil))
  "One failed gptel request, as gptel-diagnose saw it."
  params buffer position time fsm entry diagnosis problem)

;;;; Failures

(defun gptel-diagnose--report (report)
  "Record the failure in REPORT and explain it soon.
REPORT is the plist `gptel-diagnose--gptel-watch' hands its handler."
  (let* ((buffer (plist-get report :buffer))
         (params (plist-get report :params))
         (failure (gptel-diagnose--make-failure
                   :params params :buffer buffer :fsm (plist-get report :fsm)
                   :entry (plist-get report :entry)
                   :position (plist-get report :position)
                   :time (float-time))))
    (setq gptel-diagnose--last-failure failure)
    (when (buffer-live-p buffer)
      (with-current-buffer buffer
        (setq gptel-diagnose--buffer-failure failure)))
    (gptel-diagnose--log "failure: %s"
                         (gptel-diagnose--local-meaning params))
    (unless (eq gptel-diagnose-auto 'on-request)
      ;; We are inside a process sentinel or filter: do the rest later.
      (run-at-time 0 nil #'gptel-diagnose--explain-soon failure))))

(defun gptel-diagnose--explain-soon (failure)
  "Explain FAILURE in the echo area, asking first if so configured."
  (gptel-diagnose--safely
    (when (or (not (eq gptel-diagnose-auto 'ask))
              (and (not (active-minibuffer-window))
                   (y-or-n-p (format "A gptel request failed (%s).  Explain? "
                                     (or (gptel-diagnose--local-meaning
                                          (gptel-diagnose--failure-params failure))
                                         "no status")))))
      (gptel-diagnose--request-diagnosis failure #'gptel-diagnose--show-line))))

;;;; Asking the server

(defun gptel-diagnose--request-diagnosis (failure callback)
  "Ask the server to diagnose FAILURE, then call CALLBACK with FAILURE.
On success FAILURE's `diagnosis' is set; otherwise its `problem'
says what went wrong.  CALLBACK is always called, once."
  (gptel-diagnose--ask-diagnosis
   (gptel-diagnose--failure-params failure)
   (lambda (diagnosis problem)
     (setf (gptel-diagnose--failure-diagnosis failure) diagnosis
           (gptel-diagnose--failure-problem failure) problem)
     (funcall callback failure))))

;;;; Rendering (pure: data in, text out)

(defun gptel-diagnose--literal-p (form)
  "Return non-nil if FORM is a literal, which no evaluation can run."
  (or (null form) (eq form t) (numberp form) (stringp form) (keywordp form)
      (and (consp form) (eq (car form) 'quote) (consp (cdr form))
           (null (cddr form)))))

(defun gptel-diagnose--fix-form (fix)
  "The `setq' form FIX stands for, or nil if FIX is not a valid one.
The variable must be on `gptel-diagnose--settable-variables' and
the value must read as a literal.  The value is read, never
evaluated."
  (let ((variable (plist-get fix :variable))
        (value (plist-get fix :value)))
    (when (and (stringp variable) (stringp value))
      (let ((symbol (intern-soft variable))
            (form (condition-case nil
                      (let ((read (read-from-string value)))
                        (and (string-blank-p (substring value (cdr read)))
                             (list (car read))))
                    (error nil))))
        (when (and symbol (memq symbol gptel-diagnose--settable-variables)
                   form (gptel-diagnose--literal-p (car form)))
          (list 'setq symbol (car form)))))))

(defun gptel-diagnose--first-setq (diagnosis)
  "The first valid `setq' among DIAGNOSIS's fixes, as text, or nil."
  (cl-loop for fix across (or (plist-get diagnosis :fixes) [])
           for form = (gptel-diagnose--fix-form fix)
           when form return (prin1-to-string form)))

(defun gptel-diagnose--fit (summary suffix width)
  "SUMMARY then SUFFIX in at most WIDTH characters, shortening SUMMARY only.
SUFFIX is dropped whole when it cannot fit; it is never cut."
  (let ((prefix "gptel-diagnose: "))
    (cond
     ((or (null width) (<= (+ (length prefix) (length summary) (length suffix)) width))
      (concat prefix summary suffix))
     ((> (+ (length prefix) (length suffix) 20) width)
      (gptel-diagnose--fit summary "" width))
     (t
      (let* ((room (- width (length prefix) (length suffix) 1))
             (cut (substring summary 0 room))
             (space (string-match-p " [^ ]*\\'" cut)))
        (concat prefix (if (and space (> space (/ room 2))) (substring cut 0 space) cut)
                "…" suffix))))))

(defun gptel-diagnose-format-line (diagnosis &optional width)
  "The echo-area line for DIAGNOSIS: its summary and first `setq' fix.
With WIDTH, shorten the summary so the line fits in WIDTH characters."
  (let ((summary (gptel-diagnose--redact
                  (string-join (split-string (or (plist-get diagnosis :summary) ""))
                               " ")))
        (setq-text (gptel-diagnose--first-setq diagnosis)))
    (gptel-diagnose--fit summary (if setq-text (concat "  Fix: " setq-text) "") width)))

(defun gptel-diagnose--curl-exit (params)
  "The curl exit code gptel reported in PARAMS' error text, or nil.
Only the local fallback needs it: the server reads the code itself."
  (let ((text (plist-get (plist-get params :error) :error)))
    (and (stringp text)
         (string-match "Curl failed with exit code \\([0-9]+\\)" text)
         (string-to-number (match-string 1 text)))))

(defun gptel-diagnose--local-meaning (params)
  "A short meaning of the failure in PARAMS, known without the server.
The meanings are the server's, generated into `gptel-diagnose-tables'."
  (let* ((curl (gptel-diagnose--curl-exit params))
         (status (plist-get (plist-get params :error) :http_status))
         (code (cond ((integerp status) status)
                     ((and (stringp status) (string-match-p "\\`[0-9]+\\'" status))
                      (string-to-number status))))
         (zh (equal (gptel-diagnose--locale) "zh")))
    (cl-flet ((meaning (key table)
                (when-let ((texts (alist-get key table)))
                  (if zh (cdr texts) (car texts)))))
      (cond
       ((and curl (meaning curl gptel-diagnose--curl-meanings))
        (format "curl %d: %s" curl (meaning curl gptel-diagnose--curl-meanings)))
       ;; These meanings name their status already: "... (HTTP 401): ...".
       ((and code (meaning code gptel-diagnose--status-meanings)))
       (code (format "HTTP %d" code))
       (curl (format "curl exit code %d" curl))))))

(defun gptel-diagnose-format-fallback (params problem)
  "The echo-area line when the server could not diagnose PARAMS.
PROBLEM is a plist (:kind KIND :message TEXT) saying why."
  (let ((meaning (gptel-diagnose--local-meaning params))
        (why (pcase (plist-get problem :kind)
               ('not-started
                (format "server not available (%s); install it with %s"
                        (or (plist-get problem :message) "cannot start")
                        (gptel-diagnose--install-hint)))
               ('timeout "the server did not answer in time (M-x gptel-diagnose-show-log)")
               (_ (format "server error: %s (M-x gptel-diagnose-show-log)"
                          (or (plist-get problem :message) "unknown"))))))
    (gptel-diagnose--redact
     (concat "gptel-diagnose: "
             (if meaning (concat (replace-regexp-in-string "[.。]\\'" "" meaning) "; ") "")
             why))))

(defun gptel-diagnose--line (failure &optional width)
  "The echo-area line for FAILURE, in at most WIDTH characters if given."
  (let ((diagnosis (gptel-diagnose--failure-diagnosis failure)))
    (if diagnosis
        (gptel-diagnose-format-line diagnosis width)
      (gptel-diagnose-format-fallback (gptel-diagnose--failure-params failure)
                                      (gptel-diagnose--failure-problem failure)))))

(defun gptel-diagnose--echo-width ()
  "Characters the echo area can show in `gptel-diagnose-echo-lines' lines, or nil."
  (unless noninteractive
    (* (max 1 gptel-diagnose-echo-lines) (max 20 (1- (frame-width))))))

(defun gptel-diagnose--show-pending ()
  "Show the line that waited for the minibuffer to close."
  (remove-hook 'minibuffer-exit-hook #'gptel-diagnose--show-pending)
  (when-let ((line gptel-diagnose--pending-line))
    (setq gptel-diagnose--pending-line nil)
    (run-at-time 0 nil #'gptel-diagnose--echo line)))

(defun gptel-diagnose--echo (line)
  "Show LINE in the echo area; it is in *Messages* already."
  (let ((message-log-max nil))
    (message "%s" line)))

(defun gptel-diagnose--display (line)
  "Show LINE in the echo area, unless the user is typing in the minibuffer.
Then it waits until the minibuffer closes.  Shown from a timer:
when the server dies, jsonrpc announces it right after calling
us, and our line must be the one that stays."
  (let ((inhibit-message t)) (message "%s" line))   ; into *Messages* now
  (if (active-minibuffer-window)
      (progn (setq gptel-diagnose--pending-line line)
             (add-hook 'minibuffer-exit-hook #'gptel-diagnose--show-pending))
    (run-at-time 0 nil #'gptel-diagnose--echo line)))

(defun gptel-diagnose--show-line (failure)
  "Show FAILURE's diagnosis in the echo area."
  (gptel-diagnose--display (gptel-diagnose--line failure (gptel-diagnose--echo-width))))

;;;; Applying fixes

(defun gptel-diagnose--fix-value (form)
  "Return the value of the `setq' FORM, without evaluating anything."
  (let ((literal (nth 2 form)))
    (if (and (consp literal) (eq (car literal) 'quote)) (cadr literal) literal)))

(defun gptel-diagnose--user-option-p (symbol)
  "Non-nil if SYMBOL is an allowlisted gptel user option."
  (and (memq symbol gptel-diagnose--settable-variables)
       (or (custom-variable-p symbol) (not (boundp symbol)))))

(defun gptel-diagnose--set (symbol value buffer)
  "Set SYMBOL to VALUE: in BUFFER if it is buffer-local there, else globally.
Return a plist describing how to undo it."
  (if (and (buffer-live-p buffer) (local-variable-p symbol buffer))
      (with-current-buffer buffer
        (prog1 (list :variable symbol :buffer buffer :old (symbol-value symbol)
                     :local t)
          (set (make-local-variable symbol) value)))
    (prog1 (list :variable symbol :old (default-value symbol) :local nil)
      (customize-set-variable symbol value))))

(defun gptel-diagnose-apply-fix (fix &optional failure)
  "Apply FIX, a fix of FAILURE's diagnosis, on your say-so.
A safe fix is applied at once, an unsafe one after you confirm,
a display-only one is shown and never applied.  Interactively,
choose among the fixes of the last failure."
  (interactive (gptel-diagnose--read-fix))
  (let* ((failure (or failure (gptel-diagnose--current-failure)))
         (form (gptel-diagnose--fix-form fix))
         (title (plist-get fix :title))
         (applicability (plist-get fix :applicability)))
    (cond
     ((or (equal applicability "display-only") (not form))
      (gptel-diagnose--show-fix fix))
     ((not (gptel-diagnose--user-option-p (nth 1 form)))
      (user-error "Refusing to set %s: not a gptel user option" (nth 1 form)))
     ((and (not (equal applicability "safe"))
           (not (y-or-n-p (format "%s: %S.  Apply? " title form))))
      (message "Not applied"))
     (t
      (let* ((symbol (nth 1 form))
             (undo (gptel-diagnose--set symbol (gptel-diagnose--fix-value form)
                                        (and failure
                                             (gptel-diagnose--failure-buffer failure)))))
        (push undo gptel-diagnose--applied)
        (gptel-diagnose--log "applied %S" form)
        (message "Applied %S%s" form (if (plist-get undo :local)
                                         (format " in %s" (plist-get undo :buffer))
                                       ""))
        (when (and gptel-diagnose-offer-save (not (plist-get undo :local))
                   (y-or-n-p (format "Save %s for future sessions? " symbol)))
          (customize-save-variable symbol (symbol-value symbol))
          (plist-put undo :saved t))
        (when (and failure (gptel-diagnose--resendable-p failure)
                   (y-or-n-p "Resend the request that failed? "))
          (gptel-diagnose-retry failure)))))))

(defun gptel-diagnose-undo-fix ()
  "Put back the value a fix replaced, starting with the latest."
  (interactive)
  (let ((undo (pop gptel-diagnose--applied)))
    (unless undo (user-error "No fix to undo"))
    (let ((symbol (plist-get undo :variable))
          (old (plist-get undo :old)))
      (if (plist-get undo :local)
          (if (buffer-live-p (plist-get undo :buffer))
              (with-current-buffer (plist-get undo :buffer) (set symbol old))
            (user-error "The buffer the fix applied to is gone"))
        (customize-set-variable symbol old)
        (when (plist-get undo :saved) (customize-save-variable symbol old)))
      (gptel-diagnose--log "undid the fix of %s" symbol)
      (message "%s is back to %S" symbol old))))

(defun gptel-diagnose--show-fix (fix)
  "Show FIX, which is not applied: its command or link."
  (let ((command (plist-get fix :command))
        (url (plist-get fix :url))
        (form (gptel-diagnose--fix-form fix)))
    (cond (url (message "%s: %s" (plist-get fix :title) url))
          (command (kill-new command)
                   (message "%s: %s  (copied)" (plist-get fix :title) command))
          (form (message "Edit and evaluate: %S" form))
          (t (message "%s" (plist-get fix :title))))))

(defun gptel-diagnose--current-failure ()
  "The failure of this buffer, else the last one anywhere."
  (or (and (derived-mode-p 'gptel-diagnose-details-mode) gptel-diagnose--details-failure)
      gptel-diagnose--buffer-failure gptel-diagnose--last-failure))

(defun gptel-diagnose--read-fix ()
  "Ask which fix of the current failure to apply; return (FIX FAILURE)."
  (let* ((failure (or (gptel-diagnose--current-failure)
                      (user-error "No failed gptel request")))
         (fixes (append (plist-get (gptel-diagnose--failure-diagnosis failure) :fixes) nil))
         (choices (mapcar (lambda (fix) (cons (gptel-diagnose--fix-description fix) fix))
                          fixes)))
    (unless choices (user-error "This diagnosis offers no fix"))
    (list (cdr (assoc (completing-read "Fix: " choices nil t) choices)) failure)))

;;;; Resending

(defun gptel-diagnose--resendable-p (failure)
  "Non-nil if FAILURE's request can be sent again."
  (and (buffer-live-p (gptel-diagnose--failure-buffer failure))
       (or (equal (gptel-diagnose--failure-entry failure) "send")
           (gptel-diagnose--failure-fsm failure))))

(defun gptel-diagnose--wait-left (failure)
  "Seconds left of the wait FAILURE's diagnosis asks for, or nil."
  (let* ((diagnosis (gptel-diagnose--failure-diagnosis failure))
         (wait (plist-get diagnosis :retry_after)))
    (when (and (numberp wait)
               (eq (plist-get diagnosis :retryable) t))
      (let ((left (- (+ (gptel-diagnose--failure-time failure) wait) (float-time))))
        (and (> left 0) left)))))

(defun gptel-diagnose-cancel-retry ()
  "Cancel a pending delayed resend."
  (interactive)
  (when gptel-diagnose--countdown
    (cancel-timer gptel-diagnose--countdown)
    (setq gptel-diagnose--countdown nil)
    (message "gptel-diagnose: resend cancelled")))

(defvar gptel-diagnose-countdown-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "C-g") #'gptel-diagnose-cancel-retry)
    map)
  "Keys active during a resend countdown.")

(defun gptel-diagnose--countdown (failure seconds)
  "Resend FAILURE's request after SECONDS, counting down in the echo area."
  (gptel-diagnose-cancel-retry)
  (let ((deadline (+ (float-time) seconds))
        (exit-map nil))
    (setq exit-map (set-transient-map gptel-diagnose-countdown-map
                                      (lambda () gptel-diagnose--countdown)))
    (message "gptel-diagnose: resending in %d s (C-g cancels)" (ceiling seconds))
    (setq gptel-diagnose--countdown
          (run-at-time
           1 1
           (lambda ()
             (let ((left (ceiling (- deadline (float-time)))))
               (if (> left 0)
                   (message "gptel-diagnose: resending in %d s (C-g cancels)" left)
                 (cancel-timer gptel-diagnose--countdown)
                 (setq gptel-diagnose--countdown nil)
                 (when (functionp exit-map) (funcall exit-map))
                 (gptel-diagnose--safely (gptel-diagnose--resend failure)))))))))

(defun gptel-diagnose--resend (failure)
  "Send FAILURE's request again."
  (gptel-diagnose--log "resending a %s request" (gptel-diagnose--failure-entry failure))
  (gptel-diagnose--gptel-resend (gptel-diagnose--failure-fsm failure)
                               (gptel-diagnose--failure-entry failure)
                               (gptel-diagnose--failure-buffer failure)
                               (gptel-diagnose--failure-position failure)))

(defun gptel-diagnose-retry (&optional failure)
  "Resend the request that failed (FAILURE, else this buffer's last).
If its diagnosis states a wait that has not passed, count it down
first; \\[keyboard-quit] during the countdown cancels."
  (interactive)
  (let ((failure (or failure (gptel-diagnose--current-failure)
                     (user-error "No failed gptel request"))))
    (unless (gptel-diagnose--resendable-p failure)
      (user-error "This request cannot be resent (its buffer is gone)"))
    (if-let ((left (gptel-diagnose--wait-left failure)))
        (gptel-diagnose--countdown failure left)
      (gptel-diagnose--resend failure))))

;;;; The details buffer

(defun gptel-diagnose--insert-heading (title)
  "Insert the section heading TITLE."
  (insert "\n" (propertize title 'face 'bold) "\n"))

(defun gptel-diagnose--fix-description (fix)
  "One line describing FIX, secrets redacted."
  (let ((form (gptel-diagnose--fix-form fix))
        (command (plist-get fix :command)))
    (gptel-diagnose--redact
     (concat (format "%s" (plist-get fix :title))
             (format " [%s]" (plist-get fix :applicability))
             (cond (form (concat ": " (prin1-to-string form)))
                   (command (concat ": " command))
                   (t ""))))))

(defun gptel-diagnose--insert-link (url)
  "Insert URL as a button that opens it."
  (insert-text-button (gptel-diagnose--redact url) 'action (lambda (_) (browse-url url))
                      'follow-link t 'help-echo "Open in a browser"))

(defun gptel-diagnose--insert-fixes (failure fixes)
  "Insert FAILURE's FIXES, each as a button."
  (dolist (fix fixes)
    (insert "  ")
    (insert-text-button
     (gptel-diagnose--fix-description fix)
     'action (lambda (_) (gptel-diagnose-apply-fix fix failure))
     'follow-link t
     'help-echo (if (equal (plist-get fix :applicability) "display-only")
                    "Show (never applied)"
                  "Apply this fix"))
    (when (plist-get fix :url)
      (insert " ")
      (gptel-diagnose--insert-link (plist-get fix :url)))
    (insert "\n")))

(defun gptel-diagnose--raw-error (params)
  "What gptel recorded, from PARAMS, as redacted text."
  (let ((err (plist-get params :error)))
    (gptel-diagnose--redact
     (string-join
      (delq nil (list (and (plist-get err :status)
                           (format "status: %s" (plist-get err :status)))
                      (and (plist-get err :http_status)
                           (format "HTTP status: %s" (plist-get err :http_status)))
                      (and (plist-get err :error)
                           (format "error: %s" (if (stringp (plist-get err :error))
                                                   (plist-get err :error)
                                                 (prin1-to-string (plist-get err :error)))))))
      "\n"))))

(defun gptel-diagnose--insert-details (failure)
  "Insert the details of FAILURE at point."
  (let* ((diagnosis (gptel-diagnose--failure-diagnosis failure))
         (params (gptel-diagnose--failure-params failure)))
    (insert (propertize (gptel-diagnose--line failure) 'face 'bold) "\n")
    (when diagnosis
      (insert (gptel-diagnose--redact
               (format "Rule %s (%s), category %s\n"
                       (plist-get diagnosis :rule) (plist-get diagnosis :rule_name)
                       (plist-get diagnosis :category))))
      (gptel-diagnose--insert-heading "What happened")
      (insert (gptel-diagnose--redact (or (plist-get diagnosis :explanation) "")) "\n")
      (let ((said (plist-get diagnosis :provider_message)))
        (when (and (stringp said) (not (string-blank-p said)))
          (gptel-diagnose--insert-heading "The provider said")
          (insert (gptel-diagnose--redact said) "\n")))
      (gptel-diagnose--insert-heading "What to do")
      (cl-loop for step across (or (plist-get diagnosis :steps) []) for n from 1
               do (insert (format "%d. %s\n" n (gptel-diagnose--redact step))))
      (let ((fixes (append (plist-get diagnosis :fixes) nil)))
        (when fixes
          (gptel-diagnose--insert-heading "Fixes")
          (gptel-diagnose--insert-fixes failure fixes)))
      (when (gptel-diagnose--resendable-p failure)
        (insert "  ")
        (insert-text-button (if (gptel-diagnose--wait-left failure)
                                "Resend after the wait"
                              "Resend the request")
                            'action (lambda (_) (gptel-diagnose-retry failure))
                            'follow-link t)
        (insert "\n"))
      (let ((docs (append (plist-get diagnosis :docs) nil)))
        (when docs
          (gptel-diagnose--insert-heading "References")
          (dolist (url docs) (insert "  ") (gptel-diagnose--insert-link url) (insert "\n")))))
    (gptel-diagnose--insert-heading "What gptel reported")
    (insert (gptel-diagnose--raw-error params) "\n")
    (when-let ((curl (gptel-diagnose-curl-command failure)))
      (gptel-diagnose--insert-heading "Replay with curl (M-x gptel-diagnose-copy-curl)")
      (insert curl "\n"))))

(defun gptel-diagnose-format-details (failure)
  "Return the details of FAILURE as text, as in the details buffer."
  (with-temp-buffer
    (gptel-diagnose--insert-details failure)
    (buffer-substring-no-properties (point-min) (point-max))))

(defvar gptel-diagnose-details-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "g") #'gptel-diagnose-refresh)
    (define-key map (kbd "?") #'describe-mode)
    (define-key map (kbd "a") #'gptel-diagnose-apply-fix)
    (define-key map (kbd "u") #'gptel-diagnose-undo-fix)
    (define-key map (kbd "r") #'gptel-diagnose-retry)
    (define-key map (kbd "TAB") #'forward-button)
    (define-key map (kbd "<backtab>") #'backward-button)
    map)
  "Keymap for `gptel-diagnose-details-mode'.")

(define-derived-mode gptel-diagnose-details-mode special-mode "gptel-diagnose"
  "Major mode of the gptel-diagnose details buffer.

\\{gptel-diagnose-details-mode-map}"
  (setq truncate-lines nil)
  (visual-line-mode 1))

(defun gptel-diagnose--fill-details-buffer (failure insert)
  "Fill the details buffer by calling INSERT, for FAILURE (or nil); return it."
  (let ((buffer (get-buffer-create gptel-diagnose--details-buffer)))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (erase-buffer)
        (gptel-diagnose-details-mode)
        (setq gptel-diagnose--details-failure failure)
        (funcall insert)
        (goto-char (point-min))))
    buffer))

(defun gptel-diagnose--render-details (failure)
  "Fill the details buffer with FAILURE; return the buffer."
  (gptel-diagnose--fill-details-buffer
   failure (lambda () (gptel-diagnose--insert-details failure))))

(defun gptel-diagnose-refresh ()
  "Diagnose the failure shown in the details buffer again."
  (interactive)
  (let ((failure (or gptel-diagnose--details-failure (user-error "Nothing to refresh"))))
    (gptel-diagnose--request-diagnosis failure #'gptel-diagnose--render-details)))

;;;; Replaying with curl

(defun gptel-diagnose-curl-command (&optional failure)
  "The curl command replaying FAILURE's request, or nil if it cannot be rebuilt.
The key is read from the provider's usual environment variable (the
diagnosis's `key_env', else `gptel-diagnose--key-envs'),
e.g. \"$OPENAI_API_KEY\", so the command can be pasted into a shell."
  (let* ((failure (or failure (gptel-diagnose--current-failure)))
         (fsm (and failure (gptel-diagnose--failure-fsm failure))))
    (when fsm
      (gptel-diagnose--safely
        (gptel-diagnose--gptel-curl fsm (gptel-diagnose--curl-key-env failure))))))

(defun gptel-diagnose--curl-key-env (failure)
  "The environment variable for the key in FAILURE's curl replay."
  (let ((kind (plist-get (plist-get (gptel-diagnose--failure-params failure) :backend) :kind)))
    (or (plist-get (gptel-diagnose--failure-diagnosis failure) :key_env)
        (cdr (assoc kind gptel-diagnose--key-envs))
        "API_KEY")))

;;;###autoload
(defun gptel-diagnose-copy-curl ()
  "Copy the curl command that replays the last failed request.
The key stays out of it: the command reads the provider's usual
environment variable.  Run it in a terminal to see the raw answer."
  (interactive)
  (let* ((failure (gptel-diagnose--current-failure))
         (command (and failure (gptel-diagnose-curl-command failure))))
    (unless command
      (user-error "No failed request whose curl command can be rebuilt"))
    (kill-new command)
    (message "gptel-diagnose: curl command copied; set %s to the key, then paste it in a shell"
             (gptel-diagnose--curl-key-env failure))))

;;;; The checkup

(defconst gptel-diagnose--status-labels
  '(("pass" . "ok  ") ("warn" . "warn") ("fail" . "FAIL"))
  "How each check status is shown.")

(defun gptel-diagnose--insert-checkup (result params &optional origin)
  "Insert the checkup RESULT for PARAMS (the key is never shown).
Fixes apply to ORIGIN, the buffer the checkup was made for."
  (let ((backend (plist-get params :backend))
        (request (plist-get params :request))
        (settings (plist-get params :settings)))
    (insert (propertize "gptel-diagnose checkup" 'face 'bold) "\n"
            (gptel-diagnose--redact
             (format "backend %s (%s, %s://%s), model %s\n"
                     (or (plist-get backend :name) "?") (or (plist-get backend :kind) "?")
                     (or (plist-get backend :protocol) "https")
                     (or (plist-get backend :host) "?")
                     (or (plist-get request :model) "nil")))
            (format "gptel %s, Emacs %s, %s, streaming %s, proxy %s, key %s\n"
                    (or (plist-get request :gptel_version) "?")
                    (plist-get request :emacs_version)
                    (if (eq (plist-get settings :use_curl) t)
                        (or (plist-get request :curl_version) "curl") "url-retrieve")
                    (if (eq (plist-get settings :stream) t) "on" "off")
                    (if (plist-get settings :proxy) "set" "none")
                    (if (plist-get params :key) "set (not shown)" "none"))))
  (insert "\n")
  (cl-loop for check across (plist-get result :checks)
           do (insert (format "[%s] %-10s %s\n"
                              (alist-get (plist-get check :status)
                                         gptel-diagnose--status-labels nil nil #'equal)
                              (plist-get check :name)
                              (gptel-diagnose--redact (plist-get check :message))))
           (let ((fixes (append (plist-get check :fixes) nil)))
             (when fixes
               (gptel-diagnose--insert-fixes
                (gptel-diagnose--make-failure :buffer origin :params params) fixes))))
  (let ((alternatives (append (plist-get result :alternatives) nil)))
    (when alternatives
      (gptel-diagnose--insert-heading "Local servers found")
      (dolist (alternative alternatives)
        (insert (format "%s at %s: %s\n" (plist-get alternative :name)
                        (plist-get alternative :host)
                        (string-join (append (plist-get alternative :models) nil) ", ")))
        (insert "  ")
        (let ((snippet (plist-get alternative :snippet)))
          (insert-text-button "Copy the backend definition"
                              'action (lambda (_) (kill-new snippet)
                                        (message "Copied; evaluate it to switch"))
                              'follow-link t)
          (insert "\n" snippet "\n")))))
  (insert (format "\n%s in %.1f s\n" (plist-get result :summary)
                  (/ (plist-get result :elapsed_ms) 1000.0))))

(defun gptel-diagnose--render-checkup (result params origin)
  "Show the checkup RESULT for PARAMS, made for ORIGIN; return the details buffer."
  (gptel-diagnose--fill-details-buffer
   nil (lambda () (gptel-diagnose--insert-checkup result params origin))))

(defun gptel-diagnose-format-checkup (result params)
  "Return the checkup RESULT for PARAMS as text, as in the details buffer."
  (with-temp-buffer
    (gptel-diagnose--insert-checkup result params)
    (buffer-substring-no-properties (point-min) (point-max))))

;;;###autoload
(defun gptel-diagnose-checkup (&optional callback)
  "Check this buffer's gptel setup live: network, TLS, key, model, proxy.
Each check is reported on its own line, with its fixes.  The key
travels to the server for this checkup only, and is never shown.
With CALLBACK, call it with the result and the params instead of
showing the buffer."
  (interactive)
  (let* ((origin (current-buffer))
         (params (gptel-diagnose--check-params origin))
         (conn (gptel-diagnose--connection)))
    (if (not conn)
        (message "gptel-diagnose: server not available (%s); install it with %s"
                 gptel-diagnose--start-error (gptel-diagnose--install-hint))
      (message "gptel-diagnose: checking %s..."
               (or (plist-get (plist-get params :backend) :host) "the backend"))
      (jsonrpc-async-request
       conn :check params
       :timeout gptel-diagnose-check-timeout
       :success-fn (lambda (result)
                     (gptel-diagnose--safely
                       (if callback (funcall callback result params)
                         (display-buffer
                          (gptel-diagnose--render-checkup result params origin))
                         (message "gptel-diagnose: %s" (plist-get result :summary)))))
       :error-fn (lambda (err)
                   (message "gptel-diagnose: the checkup failed: %s"
                            (plist-get err :message)))
       :timeout-fn (lambda ()
                     (message "gptel-diagnose: the checkup did not finish in %s s"
                              gptel-diagnose-check-timeout))))))

;;;; Commands

;;;###autoload
(defun gptel-diagnose (&optional checkup)
  "Explain the last failed gptel request, or check the setup.
Take the last failure of a request made from this buffer, else
the last one anywhere, and show its details.  With no recent
failure, or with a prefix argument CHECKUP, run a live checkup
of this buffer's gptel setup instead (`gptel-diagnose-checkup')."
  (interactive "P")
  (let ((failure (gptel-diagnose--current-failure)))
    (cond
     ((or checkup (null failure)
          (> (- (float-time) (or (gptel-diagnose--failure-time failure) 0))
             gptel-diagnose-recent))
      (if (or (featurep 'gptel-request) (featurep 'gptel))
          (gptel-diagnose-checkup)
        (message "gptel-diagnose: no failed gptel request to explain")))
     ((gptel-diagnose--failure-diagnosis failure)
      (display-buffer (gptel-diagnose--render-details failure)))
     (t (gptel-diagnose--request-diagnosis
         failure (lambda (failure)
                   (gptel-diagnose--show-line failure)
                   (display-buffer (gptel-diagnose--render-details failure))))))))

(defconst gptel-diagnose--too-old
  "gptel is too old: gptel-diagnose needs gptel 0.9.8 or newer"
  "What to say when gptel has no request state machine.")

;;;###autoload
(define-minor-mode gptel-diagnose-mode
  "Explain every failed gptel request in the echo area.
gptel need not be loaded yet: the watch starts when it is."
  :global t
  :group 'gptel-diagnose
  (cond
   ((not gptel-diagnose-mode) (gptel-diagnose--gptel-watch nil))
   ;; A gptel without the state machine never calls the advised function:
   ;; say so once instead of watching in vain.
   ((and (featurep 'gptel) (not (gptel-diagnose--gptel-supported-p)))
    (display-warning 'gptel-diagnose gptel-diagnose--too-old))
   (t (gptel-diagnose--gptel-watch #'gptel-diagnose--report))))

(provide 'gptel-diagnose)
;;; gptel-diagnose.el ends here
