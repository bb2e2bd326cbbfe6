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
;; explanation, the steps, the fixes and the (redacted) raw error.
;;
;; The server is a small Python program speaking JSON-RPC over stdio.
;; It starts on the first failure, never at Emacs start-up.  Install it
;; with pip (see README.md); `gptel-diagnose-server-command' says how to
;; run it.
;;
;; Nothing here changes a setting by itself, and no API key is ever
;; sent to the server or shown.

;;; Code:

(require 'cl-lib)
(require 'jsonrpc)
(require 'seq)
(require 'subr-x)

(declare-function gptel-fsm-p "gptel-request")
(declare-function gptel-fsm-state "gptel-request")
(declare-function gptel-fsm-table "gptel-request")
(declare-function gptel-fsm-handlers "gptel-request")
(declare-function gptel-fsm-info "gptel-request")
(defvar gptel-backend)
(defvar gptel-model)
(defvar gptel-stream)
(defvar gptel-use-curl)
(defvar gptel-proxy)
(defvar gptel-log-level)
(defvar gptel-temperature)
(defvar gptel-max-tokens)
(defvar gptel-version)
(defvar gptel-send--transitions)
(defvar gptel--rewrite-handlers)

;;;; Customization

(defgroup gptel-diagnose nil
  "Explain failed gptel requests."
  :group 'gptel
  :prefix "gptel-diagnose-")

(defcustom gptel-diagnose-server-command nil
  "Command that runs the gptel-diagnose server, as a list of strings.
When nil, use the first that exists of: the script in the private
environment under `user-emacs-directory', `gptel-diagnose-server'
on the variable `exec-path', and \"python3 -m gptel_diagnose\" with this
package's server/ directory on PYTHONPATH."
  :type '(choice (const :tag "Find it automatically" nil)
                 (repeat :tag "Command and arguments" string))
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-request-timeout 5
  "Seconds to wait for the server's answer before giving up."
  :type 'number
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-locale nil
  "Language of diagnoses: \"en\", \"zh\", or nil to follow the language environment."
  :type '(choice (const :tag "Follow the language environment" nil)
                 (const :tag "English" "en")
                 (const :tag "Simplified Chinese" "zh"))
  :package-version '(gptel-diagnose . "0.1.0"))

(defconst gptel-diagnose--settable-variables
  '(gptel-stream gptel-model gptel-use-curl gptel-proxy gptel-log-level
    gptel-temperature gptel-max-tokens gptel-curl-extra-args gptel-use-tools
    gptel-use-context gptel-track-media gptel-include-reasoning gptel-cache)
  "The gptel options a fix may set.  Anything else the server names is refused.")

(defconst gptel-diagnose--details-buffer "*gptel-diagnose*"
  "Name of the details buffer; gptel's own is *gptel-diagnostic*.")

;;;; State

(defvar gptel-diagnose--connection nil
  "The live JSON-RPC connection to the server, or nil.")

(defvar gptel-diagnose--start-error nil
  "Why the server could not start the last time we tried, or nil.")

(defvar gptel-diagnose--last-failure nil
  "The most recent failure, in any buffer.")

(defvar-local gptel-diagnose--buffer-failure nil
  "The most recent failure of a request made from this buffer.")

(defvar gptel-diagnose--reported (make-hash-table :test 'eq :weakness 'key)
  "Requests (state machines) already reported, so a failure is reported once.")

(cl-defstruct (gptel-diagnose--failure
               (:constructor gptel-diagnose--make-failure)
               (:copier nil))
  "One failed gptel request, as gptel-diagnose saw it."
  params buffer position time diagnosis problem)

;;;; Small utilities

(defmacro gptel-diagnose--safely (&rest body)
  "Run BODY; log any error instead of letting it escape into gptel."
  (declare (indent 0) (debug t))
  `(condition-case-unless-debug err
       (progn ,@body)
     (error (gptel-diagnose--log "internal error: %s" (error-message-string err))
            nil)))

(defun gptel-diagnose--log (format-string &rest args)
  "Record FORMAT-STRING with ARGS in *Messages* without showing it."
  (let ((inhibit-message t))
    (apply #'message (concat "[gptel-diagnose] " format-string) args)))

(defconst gptel-diagnose--secret-regexp
  (concat
   "\\(?:sk-\\(?:ant-\\|or-\\|proj-\\)?[A-Za-z0-9_*-]\\{12,\\}"
   "\\|AIza[0-9A-Za-z_-]\\{20,\\}"
   "\\|gh[pousr]_[A-Za-z0-9]\\{16,\\}\\|github_pat_[A-Za-z0-9_]\\{16,\\}"
   "\\|gsk_[A-Za-z0-9]\\{16,\\}\\|xai-[A-Za-z0-9_-]\\{16,\\}"
   "\\|pplx-[A-Za-z0-9]\\{16,\\}\\|hf_[A-Za-z0-9]\\{16,\\}"
   "\\|\\(?:AKIA\\|ASIA\\)[A-Z0-9]\\{16\\}\\)")
  "Shapes of API keys and tokens.")

(defconst gptel-diagnose--secret-context-regexp
  (concat
   "\\(\\(?:[Aa]uthorization\\|[Xx]-[Aa]pi-[Kk]ey\\|[Aa]pi-[Kk]ey"
   "\\|[Xx]-[Gg]oog-[Aa]pi-[Kk]ey\\|[Bb]earer\\|[?&]key=\\|password\\)"
   "[\"']?[:= ]\\s-*\\(?:[Bb]earer\\s-+\\)?\\)[^ \t\n\"'&,;]\\{6,\\}")
  "Secrets recognised by what precedes them.")

(defun gptel-diagnose--redact (string)
  "STRING with API keys and tokens replaced by a marker."
  (if (not (stringp string)) string
    (let ((case-fold-search nil))
      (replace-regexp-in-string
       gptel-diagnose--secret-context-regexp "\\1<redacted>"
       (replace-regexp-in-string gptel-diagnose--secret-regexp "<redacted>"
                                 string t t)
       t))))

(defconst gptel-diagnose--max-string 16000
  "Longest string sent to the server; longer ones are cut.")

(defun gptel-diagnose--clean-string (string)
  "STRING made safe to send: valid UTF-8, bounded, secrets redacted."
  (let ((s (if (> (length string) gptel-diagnose--max-string)
               (substring string 0 gptel-diagnose--max-string)
             string)))
    (unless (multibyte-string-p s)
      (setq s (decode-coding-string s 'utf-8)))
    ;; Raw bytes cannot be encoded as JSON: replace each with U+FFFD.
    (setq s (replace-regexp-in-string "[\200-\377]" "\ufffd" s t t))
    (gptel-diagnose--redact (substring-no-properties s))))

(defun gptel-diagnose--json (value &optional depth)
  "VALUE (gptel's Lisp view of JSON) as data `json-serialize' accepts.
Plists stay plists, other lists become vectors, `:null' and
`:json-false' keep their JSON meaning.  DEPTH bounds the nesting."
  (let ((depth (or depth 0)))
    (cond
     ((> depth 20) "...")
     ((stringp value) (gptel-diagnose--clean-string value))
     ((memq value '(nil :null)) nil)
     ((memq value '(t :json-false)) value)
     ((and (numberp value) (or (integerp value) (not (isnan value)))
           (< (abs value) 1.0e300))
      value)
     ((and (consp value) (keywordp (car value)) (proper-list-p value)
           (cl-evenp (length value)))
      (cl-loop for (key val) on value by #'cddr
               for i from 0 below 200
               nconc (list (if (keywordp key) key
                             (intern (format ":%s" key)))
                           (gptel-diagnose--json val (1+ depth)))))
     ((or (vectorp value) (and (consp value) (proper-list-p value)))
      (vconcat (cl-loop for item across (vconcat value)
                        for i from 0 below 200
                        collect (gptel-diagnose--json item (1+ depth)))))
     ((symbolp value) (symbol-name value))
     (t (gptel-diagnose--clean-string (format "%S" value))))))

(defun gptel-diagnose--bool (value)
  "VALUE as a JSON boolean."
  (if value t :json-false))

;;;; Reading gptel

(defun gptel-diagnose--slot (backend slot)
  "BACKEND's SLOT, or nil if BACKEND has no such slot.
Slots are read by name so that a change in gptel's struct layout
does not need a recompile of this file."
  (let ((type 'gptel-backend))     ; not a constant: no compile-time type check
    (and backend (ignore-errors (cl-struct-slot-value type slot backend)))))

(defconst gptel-diagnose--kinds-by-type
  '((gptel-anthropic . "anthropic") (gptel-gemini . "gemini")
    (gptel-ollama . "ollama") (gptel-kagi . "kagi") (gptel-bedrock . "bedrock")
    (gptel--gh . "copilot") (gptel-perplexity . "perplexity")
    (gptel-privategpt . "privategpt") (gptel-openai-oauth . "chatgpt")
    (gptel-openai-responses . "openai") (gptel-deepseek . "deepseek")
    (gptel-openai . "openai"))
  "Provider kind for each gptel backend type.
The server refines it by host: many providers use `gptel-make-openai'.")

(defun gptel-diagnose--kind (backend)
  "The provider kind of BACKEND, as the server names it."
  (let ((header (gptel-diagnose--slot backend 'header))
        (host (gptel-diagnose--slot backend 'host)))
    ;; gptel has no Azure type: `gptel-make-azure' makes a `gptel-openai'
    ;; whose header function sends an "api-key" header.  The header is
    ;; recognised without calling it (that would fetch the key).
    (if (or (and (stringp host)
                 (string-match-p "\\.openai\\.azure\\.com\\'" host))
            (and header (string-match-p "\"api-key\"" (prin1-to-string header))))
        "azure"
      (alist-get (type-of backend) gptel-diagnose--kinds-by-type))))

(defun gptel-diagnose--key-whitespace-p (key)
  "Non-nil if KEY has stray whitespace around it.
KEY is a string or a variable holding one.  Functions are not
called: they may prompt or decrypt."
  (let ((value (cond ((stringp key) key)
                     ((and key (symbolp key) (boundp key)
                           (stringp (symbol-value key)))
                      (symbol-value key)))))
    (and value (string-match-p "\\`[ \t\n\r]\\|[ \t\n\r]\\'" value) t)))

(defun gptel-diagnose--backend-params (backend)
  "What the server may know about BACKEND.  Never the key itself."
  (when backend
    (let ((key (gptel-diagnose--slot backend 'key))
          (endpoint (gptel-diagnose--slot backend 'endpoint))
          (models (gptel-diagnose--slot backend 'models)))
      (list :name (gptel-diagnose--json (gptel-diagnose--slot backend 'name))
            :type (symbol-name (type-of backend))
            :kind (gptel-diagnose--kind backend)
            :host (gptel-diagnose--json (gptel-diagnose--slot backend 'host))
            :protocol (gptel-diagnose--json (gptel-diagnose--slot backend 'protocol))
            :endpoint (and (stringp endpoint) (gptel-diagnose--json endpoint))
            :stream (gptel-diagnose--bool (gptel-diagnose--slot backend 'stream))
            :has_key (gptel-diagnose--bool key)
            :key_has_whitespace (gptel-diagnose--bool
                                 (gptel-diagnose--key-whitespace-p key))
            :models (and (proper-list-p models)
                         (vconcat (mapcar (lambda (m) (format "%s" m))
                                          (seq-take models 200))))))))

(defun gptel-diagnose--buffer-value (variable buffer)
  "VARIABLE's value in BUFFER (or its default value), nil if unbound."
  (cond ((not (boundp variable)) nil)
        ((buffer-live-p buffer) (buffer-local-value variable buffer))
        (t (default-value variable))))

(defun gptel-diagnose--entry (fsm)
  "Which gptel entry point made FSM: send, rewrite or request."
  (cond ((and (boundp 'gptel-send--transitions)
              (eq (gptel-fsm-table fsm) gptel-send--transitions))
         "send")
        ((and (boundp 'gptel--rewrite-handlers)
              (eq (gptel-fsm-handlers fsm) gptel--rewrite-handlers))
         "rewrite")
        (t "request")))

(defun gptel-diagnose--curl-exit (error-value)
  "The curl exit code in gptel's ERROR-VALUE text, or nil."
  (and (stringp error-value)
       (string-match "Curl failed with exit code \\([0-9]+\\)" error-value)
       (string-to-number (match-string 1 error-value))))

(defun gptel-diagnose--params (fsm &optional signal-data)
  "The `diagnose' params for the failed request FSM.
SIGNAL-DATA is the error that escaped gptel, if that is how it failed."
  (let* ((info (gptel-fsm-info fsm))
         (buffer (plist-get info :buffer))
         (backend (or (plist-get info :backend)
                      (gptel-diagnose--buffer-value 'gptel-backend buffer)))
         (model (or (plist-get info :model)
                    (gptel-diagnose--buffer-value 'gptel-model buffer)))
         (error-value (if signal-data (error-message-string signal-data)
                        (plist-get info :error)))
         (http-status (plist-get info :http-status))
         (use-curl (gptel-diagnose--buffer-value 'gptel-use-curl buffer))
         (proxy (gptel-diagnose--buffer-value 'gptel-proxy buffer)))
    (list
     :error (list :status (gptel-diagnose--json
                           (or (plist-get info :status)
                               (and signal-data "Lisp error")))
                  :http_status (cond ((stringp http-status)
                                      (gptel-diagnose--clean-string http-status))
                                     ((integerp http-status) http-status))
                  :error (gptel-diagnose--json error-value)
                  :curl_exit_code (gptel-diagnose--curl-exit error-value)
                  :displayed (let ((shown (current-message)))
                               (and shown (gptel-diagnose--clean-string shown))))
     :backend (gptel-diagnose--backend-params backend)
     :request (list :model (and model (format "%s" model))
                    :stream (gptel-diagnose--bool (plist-get info :stream))
                    :use_curl (gptel-diagnose--bool use-curl)
                    :entry (gptel-diagnose--entry fsm)
                    :state (and (gptel-fsm-state fsm)
                                (symbol-name (gptel-fsm-state fsm)))
                    :temperature (let ((v (gptel-diagnose--buffer-value
                                           'gptel-temperature buffer)))
                                   (and (numberp v) v))
                    :max_tokens (let ((v (gptel-diagnose--buffer-value
                                          'gptel-max-tokens buffer)))
                                  (and (integerp v) v))
                    :proxy (gptel-diagnose--bool
                            (and (stringp proxy) (not (string-empty-p proxy))))
                    :log_level (let ((v (gptel-diagnose--buffer-value
                                         'gptel-log-level buffer)))
                                 (and v (format "%s" v)))
                    :gptel_version (and (boundp 'gptel-version)
                                        (format "%s" gptel-version))
                    :emacs_version emacs-version)
     :locale (gptel-diagnose--locale))))

(defun gptel-diagnose--terminal-p (fsm)
  "Non-nil if FSM has reached a state with no way out (DONE, ERRS, ABRT...)."
  (let ((state (gptel-fsm-state fsm)))
    (or (null state) (null (assq state (gptel-fsm-table fsm))))))

(defun gptel-diagnose--failed-p (fsm)
  "Non-nil if FSM, in a terminal state, ended in failure (not by abort)."
  (let* ((info (gptel-fsm-info fsm))
         (http-status (plist-get info :http-status)))
    (and (not (eq (gptel-fsm-state fsm) 'ABRT))
         (or (plist-get info :error)
             ;; url-retrieve with no HTTP response leaves :error empty and
             ;; files its complaint under :http-status.
             (and http-status (not (member http-status '("200" "100"))))))))

(defun gptel-diagnose--after-transition (fsm)
  "Notice whether FSM's latest transition ended it in failure."
  (cond
   ((eq (gptel-fsm-state fsm) 'WAIT)
    ;; A new network round (tool loops have several): report afresh.
    (remhash fsm gptel-diagnose--reported))
   ((and (gptel-diagnose--terminal-p fsm) (gptel-diagnose--failed-p fsm))
    (gptel-diagnose--report fsm))))

(defun gptel-diagnose--around-transition (orig fsm &rest args)
  "Call ORIG with FSM and ARGS, and report the request if it failed.
Errors that escape gptel (a missing key, curl not found) are
reported too, then passed on untouched.  Nothing of ours can
signal into gptel."
  (prog1 (condition-case err
             (apply orig fsm args)
           ((debug error)
            (gptel-diagnose--safely
              (when (gptel-fsm-p fsm) (gptel-diagnose--report fsm err)))
            (signal (car err) (cdr err))))
    (gptel-diagnose--safely
      (when (gptel-fsm-p fsm) (gptel-diagnose--after-transition fsm)))))

;;;; Failures

(defun gptel-diagnose--report (fsm &optional signal-data)
  "Record FSM's failure (SIGNAL-DATA if it signalled) and diagnose it soon."
  (unless (gethash fsm gptel-diagnose--reported)
    (puthash fsm t gptel-diagnose--reported)
    (let* ((info (gptel-fsm-info fsm))
           (buffer (plist-get info :buffer))
           (failure (gptel-diagnose--make-failure
                     :params (gptel-diagnose--params fsm signal-data)
                     :buffer buffer
                     :position (plist-get info :position)
                     :time (current-time))))
      (setq gptel-diagnose--last-failure failure)
      (when (buffer-live-p buffer)
        (with-current-buffer buffer
          (setq gptel-diagnose--buffer-failure failure)))
      ;; We are inside a process sentinel or filter: do the rest later.
      (run-at-time 0 nil #'gptel-diagnose--diagnose-and-show failure))))

(defun gptel-diagnose--diagnose-and-show (failure)
  "Ask the server about FAILURE and show the answer in the echo area."
  (gptel-diagnose--safely
    (gptel-diagnose--request-diagnosis
     failure
     (lambda (failure) (gptel-diagnose--show-line failure)))))

;;;; The server

(defun gptel-diagnose--package-root ()
  "The directory holding this package's elisp/ and server/, or nil."
  (when-let ((file (or load-file-name (locate-library "gptel-diagnose"))))
    (file-name-directory (directory-file-name (file-name-directory file)))))

(defun gptel-diagnose--venv-script ()
  "The server script in the private environment, or nil if absent."
  (let ((script (expand-file-name "gptel-diagnose/venv/bin/gptel-diagnose-server"
                                  user-emacs-directory)))
    (and (file-executable-p script) script)))

(defun gptel-diagnose--server-command ()
  "Return the server's command line, as a list of strings."
  (or gptel-diagnose-server-command
      (when-let ((script (gptel-diagnose--venv-script))) (list script))
      (when-let ((exe (executable-find "gptel-diagnose-server"))) (list exe))
      (list (or (executable-find "python3") "python3") "-m" "gptel_diagnose")))

(defun gptel-diagnose--server-environment ()
  "`process-environment' for the server: this package's server/ on PYTHONPATH."
  (let ((dir (and (gptel-diagnose--package-root)
                  (expand-file-name "server" (gptel-diagnose--package-root)))))
    (if (and dir (file-directory-p dir))
        (cons (concat "PYTHONPATH=" dir
                      (when-let ((old (getenv "PYTHONPATH"))) (concat ":" old)))
              process-environment)
      process-environment)))

(defun gptel-diagnose--make-connection (command)
  "Start COMMAND and wrap it in a JSON-RPC connection."
  (let* ((default-directory temporary-file-directory)
         (process-environment (gptel-diagnose--server-environment))
         (make-proc (lambda ()
                      (make-process
                       :name "gptel-diagnose" :command command
                       :connection-type 'pipe :coding 'utf-8-emacs-unix
                       :noquery t :file-handler nil
                       :stderr (get-buffer-create "*gptel-diagnose stderr*"))))
         (make (lambda (&rest initargs)
                 (apply #'make-instance 'jsonrpc-process-connection
                        :name "gptel-diagnose" :process make-proc
                        :on-shutdown #'gptel-diagnose--on-shutdown
                        initargs))))
    ;; The events log would hold every error payload: keep it off.
    ;; jsonrpc 1.0.14 (Emacs 28) knows only the older initarg.
    (condition-case nil
        (funcall make :events-buffer-config '(:size 0))
      (invalid-slot-name (funcall make :events-buffer-scrollback-size 0)))))

(defun gptel-diagnose--on-shutdown (conn)
  "Forget CONN once its process has died."
  (when (eq conn gptel-diagnose--connection)
    (setq gptel-diagnose--connection nil)))

(defun gptel-diagnose--executable (command)
  "Return the program of COMMAND as an absolute file name, or nil if none."
  (let ((program (car command)))
    (and (stringp program)
         (if (file-name-absolute-p program)
             (and (file-executable-p program) program)
           (executable-find program)))))

(defun gptel-diagnose--connection ()
  "A live connection to the server, started if need be; nil if it cannot start."
  (if (and gptel-diagnose--connection
           (jsonrpc-running-p gptel-diagnose--connection))
      gptel-diagnose--connection
    (condition-case err
        (let* ((command (gptel-diagnose--server-command))
               (conn (if (gptel-diagnose--executable command)
                         (gptel-diagnose--make-connection command)
                       (error "No such program: %s" (car command)))))
          (setq gptel-diagnose--connection conn
                gptel-diagnose--start-error nil)
          (jsonrpc-async-request conn :initialize
                                 (list :processId (emacs-pid)
                                       :locale (gptel-diagnose--locale))
                                 :timeout gptel-diagnose-request-timeout)
          conn)
      (error
       (setq gptel-diagnose--connection nil
             gptel-diagnose--start-error (error-message-string err))
       nil))))

(defun gptel-diagnose--locale ()
  "The locale to ask the server for."
  (or gptel-diagnose-locale
      (if (string-prefix-p "Chinese" current-language-environment) "zh" "en")))

(defun gptel-diagnose--request-diagnosis (failure callback)
  "Ask the server to diagnose FAILURE, then call CALLBACK with FAILURE.
On success FAILURE's `diagnosis' is set; otherwise its `problem'
says what went wrong.  CALLBACK is always called, once."
  (let ((conn (gptel-diagnose--connection))
        (done nil))
    (cl-flet ((finish (diagnosis problem)
                (unless done
                  (setq done t)
                  (setf (gptel-diagnose--failure-diagnosis failure) diagnosis
                        (gptel-diagnose--failure-problem failure) problem)
                  (gptel-diagnose--safely (funcall callback failure)))))
      (if (not conn)
          (finish nil (list :kind 'not-started :message gptel-diagnose--start-error))
        (jsonrpc-async-request
         conn :diagnose (gptel-diagnose--failure-params failure)
         :timeout gptel-diagnose-request-timeout
         :success-fn (lambda (result) (finish result nil))
         :error-fn (lambda (err)
                     (finish nil (list :kind 'error
                                       :message (plist-get err :message))))
         :timeout-fn (lambda ()
                       (finish nil (list :kind 'timeout
                                         :message "the server did not answer in time"))))))))

;;;; Rendering (pure: data in, text out)

(defun gptel-diagnose--literal-p (form)
  "Return non-nil if FORM is a literal, which no evaluation can run."
  (or (null form) (eq form t) (numberp form) (stringp form) (keywordp form)
      (and (consp form) (eq (car form) 'quote) (consp (cdr form))
           (null (cddr form)))))

(defun gptel-diagnose--fix-form (fix)
  "The `setq' form FIX stands for, or nil if FIX is not a valid one.
The variable must be on `gptel-diagnose--settable-variables' and
the value must read as a literal."
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

(defun gptel-diagnose-format-line (diagnosis)
  "The echo-area line for DIAGNOSIS: its summary and first `setq' fix."
  (let ((summary (gptel-diagnose--redact
                  (string-join (split-string (or (plist-get diagnosis :summary) ""))
                               " ")))
        (setq-text (gptel-diagnose--first-setq diagnosis)))
    (concat "gptel-diagnose: " summary
            (and setq-text (concat "  Fix: " setq-text)))))

(defconst gptel-diagnose--status-meanings
  '((400 . "the request was refused as invalid")
    (401 . "the API key was rejected")
    (402 . "the account needs credit")
    (403 . "the key may not do this")
    (404 . "wrong URL or model name")
    (413 . "the request is too large")
    (429 . "a rate limit, or no credit left")
    (500 . "the provider failed")
    (502 . "a gateway failed")
    (503 . "the provider is unavailable or overloaded")
    (529 . "the provider is overloaded"))
  "What an HTTP status means, for when the server cannot say more.")

(defconst gptel-diagnose--curl-meanings
  '((6 . "the host name did not resolve")
    (7 . "nothing is listening at the host and port")
    (28 . "the request timed out")
    (35 . "the TLS handshake failed")
    (60 . "the certificate is not trusted"))
  "What a curl exit code means, for when the server cannot say more.")

(defun gptel-diagnose--local-meaning (params)
  "A short meaning of the failure in PARAMS, known without the server."
  (let* ((err (plist-get params :error))
         (curl (plist-get err :curl_exit_code))
         (status (plist-get err :http_status))
         (code (cond ((integerp status) status)
                     ((and (stringp status) (string-match-p "\\`[0-9]+\\'" status))
                      (string-to-number status)))))
    (cond
     ((and curl (alist-get curl gptel-diagnose--curl-meanings))
      (format "curl %d: %s" curl (alist-get curl gptel-diagnose--curl-meanings)))
     ((and code (alist-get code gptel-diagnose--status-meanings))
      (format "HTTP %d: %s" code (alist-get code gptel-diagnose--status-meanings)))
     (code (format "HTTP %d" code))
     (curl (format "curl exit code %d" curl)))))

(defun gptel-diagnose--install-hint ()
  "How to install the server, in one phrase."
  (let ((root (gptel-diagnose--package-root)))
    (if (and root (file-exists-p (expand-file-name "pyproject.toml" root)))
        (format "pip install %s" (abbreviate-file-name (directory-file-name root)))
      "pip install gptel-diagnose")))

(defun gptel-diagnose-format-fallback (params problem)
  "The echo-area line when the server could not diagnose PARAMS.
PROBLEM is a plist (:kind KIND :message TEXT) saying why."
  (let ((meaning (gptel-diagnose--local-meaning params))
        (why (pcase (plist-get problem :kind)
               ('not-started
                (format "server not available (%s); install it with: %s"
                        (or (plist-get problem :message) "cannot start")
                        (gptel-diagnose--install-hint)))
               ('timeout "the server did not answer in time")
               (_ (format "server error: %s"
                          (or (plist-get problem :message) "unknown"))))))
    (gptel-diagnose--redact
     (concat "gptel-diagnose: " (if meaning (concat meaning "; ") "") why))))

(defun gptel-diagnose--line (failure)
  "The echo-area line for FAILURE."
  (let ((diagnosis (gptel-diagnose--failure-diagnosis failure)))
    (if diagnosis
        (gptel-diagnose-format-line diagnosis)
      (gptel-diagnose-format-fallback (gptel-diagnose--failure-params failure)
                                      (gptel-diagnose--failure-problem failure)))))

(defun gptel-diagnose--show-line (failure)
  "Show FAILURE's diagnosis in the echo area.
Shown from a timer: when the server dies, jsonrpc announces it
right after calling us, and our line must be the one that stays."
  (let ((line (gptel-diagnose--line failure)))
    (run-at-time 0 nil #'message "%s" line)))

(defun gptel-diagnose--insert-section (title body)
  "Insert a section headed TITLE with BODY, if BODY is non-empty."
  (when (and body (not (string-empty-p body)))
    (insert (propertize title 'face 'bold) "\n" body "\n\n")))

(defun gptel-diagnose--fix-description (fix)
  "One line describing FIX."
  (let ((form (gptel-diagnose--fix-form fix))
        (command (plist-get fix :command))
        (url (plist-get fix :url)))
    (concat "- " (plist-get fix :title)
            (format " [%s]" (plist-get fix :applicability))
            (cond (form (concat ": " (prin1-to-string form)))
                  (command (concat ": " command))
                  (t ""))
            (if url (concat " " url) ""))))

(defun gptel-diagnose-format-details (failure)
  "Return the details of FAILURE as text.
That is the summary, explanation, steps and fixes, then the raw
error as gptel recorded it."
  (let* ((diagnosis (gptel-diagnose--failure-diagnosis failure))
         (params (gptel-diagnose--failure-params failure))
         (err (plist-get params :error)))
    (with-temp-buffer
      (insert (gptel-diagnose--line failure) "\n\n")
      (when diagnosis
        (insert (format "Rule: %s (%s), category %s\n\n"
                        (plist-get diagnosis :rule) (plist-get diagnosis :rule_name)
                        (plist-get diagnosis :category)))
        (gptel-diagnose--insert-section "What happened" (plist-get diagnosis :explanation))
        (gptel-diagnose--insert-section
         "What to do"
         (string-join (cl-loop for step across (plist-get diagnosis :steps)
                               for n from 1 collect (format "%d. %s" n step))
                      "\n"))
        (gptel-diagnose--insert-section
         "Fixes"
         (string-join (mapcar #'gptel-diagnose--fix-description
                              (plist-get diagnosis :fixes))
                      "\n"))
        (gptel-diagnose--insert-section
         "References" (string-join (plist-get diagnosis :docs) "\n")))
      (gptel-diagnose--insert-section
       "What gptel reported"
       (string-join
        (delq nil (list (and (plist-get err :status)
                             (format "status: %s" (plist-get err :status)))
                        (and (plist-get err :http_status)
                             (format "HTTP status: %s" (plist-get err :http_status)))
                        (and (plist-get err :error)
                             (format "error: %s" (if (stringp (plist-get err :error))
                                                     (plist-get err :error)
                                                   (prin1-to-string (plist-get err :error)))))))
        "\n"))
      (gptel-diagnose--redact (buffer-string)))))

(defvar gptel-diagnose-details-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "g") #'gptel-diagnose)
    map)
  "Keymap for `gptel-diagnose-details-mode'.")

(define-derived-mode gptel-diagnose-details-mode special-mode "gptel-diagnose"
  "Major mode of the gptel-diagnose details buffer.")

(defun gptel-diagnose--show-details (failure)
  "Show FAILURE's details in the details buffer."
  (let ((buffer (get-buffer-create gptel-diagnose--details-buffer)))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (erase-buffer)
        (gptel-diagnose-details-mode)
        (insert (gptel-diagnose-format-details failure))
        (goto-char (point-min))))
    (display-buffer buffer)
    buffer))

;;;; Commands

;;;###autoload
(defun gptel-diagnose ()
  "Explain the last failed gptel request.
Take the last failure of a request made from this buffer, else
the last one anywhere, and show its details."
  (interactive)
  (let ((failure (or gptel-diagnose--buffer-failure gptel-diagnose--last-failure)))
    (cond
     ((null failure) (message "gptel-diagnose: no failed gptel request to explain"))
     ((gptel-diagnose--failure-diagnosis failure)
      (gptel-diagnose--show-details failure))
     (t (gptel-diagnose--request-diagnosis
         failure (lambda (failure)
                   (gptel-diagnose--show-line failure)
                   (gptel-diagnose--show-details failure)))))))

(defun gptel-diagnose--install-advice ()
  "Watch gptel's requests, if this gptel is recent enough."
  (if (fboundp 'gptel--fsm-transition)
      (advice-add 'gptel--fsm-transition :around #'gptel-diagnose--around-transition)
    (display-warning 'gptel-diagnose
                     "gptel is too old: gptel-diagnose needs gptel 0.9.8 or newer")))

;;;###autoload
(define-minor-mode gptel-diagnose-mode
  "Explain every failed gptel request in the echo area."
  :global t
  :group 'gptel-diagnose
  (if gptel-diagnose-mode
      (if (or (featurep 'gptel-request) (featurep 'gptel))
          (gptel-diagnose--install-advice)
        (with-eval-after-load (if (locate-library "gptel-request") 'gptel-request 'gptel)
          (when gptel-diagnose-mode (gptel-diagnose--install-advice))))
    (advice-remove 'gptel--fsm-transition #'gptel-diagnose--around-transition)))

(provide 'gptel-diagnose)
;;; gptel-diagnose.el ends here
