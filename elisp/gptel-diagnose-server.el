;;; gptel-diagnose-server.el --- The connection to the gptel-diagnose server  -*- lexical-binding: t -*-

;; Copyright (C) 2026 The gptel-diagnose authors

;; Author: The gptel-diagnose authors
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

;; The bottom layer of gptel-diagnose: the JSON-RPC connection to the
;; server (started on first use, restarted after a crash, backed off
;; when it keeps dying, stopped politely), what makes a value safe to
;; send (encoding, size bounds, redaction), the log buffer, and the
;; commands that install, restart and inspect the server.
;;
;; Nothing here knows gptel or the details buffer: the layers above
;; (`gptel-diagnose-gptel', then `gptel-diagnose') call down, never up.

;;; Code:

(require 'cl-lib)
(require 'jsonrpc)
(require 'seq)
(require 'subr-x)

;;;; Customization

(defgroup gptel-diagnose nil
  "Explain failed gptel requests."
  :group 'gptel
  :prefix "gptel-diagnose-")

(defcustom gptel-diagnose-server-command nil
  "Command that runs the gptel-diagnose server, as a list of strings.
When nil, use the first that exists of: the script in the private
environment that `gptel-diagnose-install-server' makes under
`user-emacs-directory', `gptel-diagnose-server' on the variable
`exec-path', and \"python3 -m gptel_diagnose\" with this package's
server/ directory on PYTHONPATH."
  :type '(choice (const :tag "Find it automatically" nil)
                 (repeat :tag "Command and arguments" string))
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-request-timeout 5
  "Seconds to wait for the server's answer before giving up."
  :type 'number
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-locale nil
  "Language of diagnoses and of the companion: \"en\", \"zh\", or nil.
Nil follows the language environment, then LC_ALL, LC_MESSAGES, LANG."
  :type '(choice (const :tag "Follow the language environment" nil)
                 (const :tag "English" "en")
                 (const :tag "Simplified Chinese" "zh"))
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-python "python3"
  "Python used by `gptel-diagnose-install-server' to make the private environment."
  :type 'string
  :package-version '(gptel-diagnose . "0.1.0"))


(defconst gptel-diagnose--log-buffer "*gptel-diagnose log*"
  "Name of the buffer that keeps the server's stderr and our own events.")

;;;; State

(defvar gptel-diagnose--connection nil
  "The live JSON-RPC connection to the server, or nil.")

(defvar gptel-diagnose--start-error nil
  "Why the server could not start the last time we tried, or nil.")

(defvar gptel-diagnose--deaths nil
  "Times (floats) at which the server died unasked, newest first.")

(defvar gptel-diagnose--not-before 0
  "Do not start the server again before this time: it keeps dying.")

;;;; The log and redaction

(defun gptel-diagnose--log (format-string &rest args)
  "Append FORMAT-STRING formatted with ARGS to the log buffer."
  (with-current-buffer (get-buffer-create gptel-diagnose--log-buffer)
    (let ((inhibit-read-only t))
      (goto-char (point-max))
      (insert (format-time-string "%F %T ")
              (gptel-diagnose--redact (apply #'format format-string args)) "\n"))))

(defmacro gptel-diagnose--safely (&rest body)
  "Run BODY; log any error instead of letting it escape into gptel."
  (declare (indent 0) (debug t))
  `(condition-case-unless-debug err
       (progn ,@body)
     (error (gptel-diagnose--log "internal error: %s" (error-message-string err))
            nil)))

;; The same shapes and contexts as the server's redact.py: both run every
;; case of tests/data/redaction-cases.json.
(defconst gptel-diagnose--secret-regexp
  (concat
   "\\(?:sk-ant-[A-Za-z0-9_-]\\{8,\\}\\|sk-or-[A-Za-z0-9_-]\\{8,\\}"
   "\\|sk-[A-Za-z0-9_-]*\\*\\{3,\\}[A-Za-z0-9_-]*\\|sk-[A-Za-z0-9_-]\\{12,\\}"
   "\\|AIza[0-9A-Za-z_-]\\{20,\\}"
   "\\|gh[pousr]_[A-Za-z0-9]\\{16,\\}\\|github_pat_[A-Za-z0-9_]\\{16,\\}"
   "\\|gsk_[A-Za-z0-9]\\{16,\\}\\|xai-[A-Za-z0-9_-]\\{16,\\}"
   "\\|pplx-[A-Za-z0-9]\\{16,\\}\\|hf_[A-Za-z0-9]\\{16,\\}"
   "\\|\\(?:AKIA\\|ASIA\\|ABIA\\|ACCA\\)[A-Z0-9]\\{16\\}\\)")
  "Shapes of API keys and tokens (matched respecting case).")

(defconst gptel-diagnose--secret-context-regexp
  (let ((ws "[ \t\n\r\f]")
        (assign "\\b[\"']?[ \t\n\r\f]*[:=][ \t\n\r\f]*[\"']?[ \t\n\r\f]*"))
    (concat
     "\\("
     "\\b\\(?:proxy-\\)?authorization" assign
     "\\(?:\\(?:bearer\\|basic\\|token\\|bot\\)" ws "*\\)?"
     "\\|\\bbearer" ws "+"
     "\\|\\b\\(?:x-api-key\\|api-key\\|x-goog-api-key\\|x-amz-security-token"
     "\\|set-cookie\\|cookie\\)" assign
     "\\|[?&]\\(?:key\\|api_key\\|apikey\\|api-key\\|access_token\\|token"
     "\\|signature\\|sig\\)="
     "\\|\\b\\(?:api_?key\\|apikey\\|secret\\|password\\|aws_secret_access_key"
     "\\|aws_session_token\\|client_secret\\|access_token\\|refresh_token\\)" assign
     "\\|--user" ws "+[\"']?[A-Za-z0-9]\\{16,\\}:"
     "\\|\\bpassword" ws "+"
     "\\)"
     "[^]\t\n\r\f \"'&,;)>]\\{6,\\}"))
  "Secrets recognised by what precedes them (matched ignoring case).")

(defun gptel-diagnose--redact (string)
  "STRING with API keys and tokens replaced by a marker."
  (if (not (stringp string)) string
    ;; Context first, so that "Bearer sk-..." keeps its "Bearer".
    (let ((headerless (let ((case-fold-search t))
                        (replace-regexp-in-string gptel-diagnose--secret-context-regexp
                                                  "\\1<redacted>" string t))))
      (let ((case-fold-search nil))
        (replace-regexp-in-string gptel-diagnose--secret-regexp "<redacted>"
                                  headerless t t)))))

;;;; Encoding

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

(defun gptel-diagnose--locale ()
  "The language to speak: \"zh\" or \"en\".
`gptel-diagnose-locale' if set; else Chinese when the language
environment is, or else when the first set of LC_ALL, LC_MESSAGES
and LANG names Chinese (zh_CN.UTF-8; Traditional gets Simplified)."
  (or gptel-diagnose-locale
      (if (or (string-prefix-p "Chinese" current-language-environment)
              (let ((posix (seq-find (lambda (value) (and value (not (string-empty-p value))))
                                     (mapcar #'getenv '("LC_ALL" "LC_MESSAGES" "LANG")))))
                (and posix (string-match-p "\\`zh\\([_.@-]\\|\\'\\)" posix))))
          "zh" "en")))

;;;; The server process

(defun gptel-diagnose--package-root ()
  "The directory holding this package's elisp/ and server/, or nil."
  (when-let ((file (locate-library "gptel-diagnose")))
    (file-name-directory (directory-file-name (file-name-directory file)))))

(defun gptel-diagnose--venv-dir ()
  "Return the directory of the server's private environment."
  (expand-file-name "gptel-diagnose/venv" user-emacs-directory))

(defun gptel-diagnose--venv-script ()
  "The server script in the private environment, or nil if absent."
  (let ((script (expand-file-name "bin/gptel-diagnose-server" (gptel-diagnose--venv-dir))))
    (and (file-executable-p script) script)))

(defun gptel-diagnose--server-command ()
  "Return the server's command line, as a list of strings."
  (or gptel-diagnose-server-command
      (when-let ((script (gptel-diagnose--venv-script))) (list script))
      (when-let ((exe (executable-find "gptel-diagnose-server"))) (list exe))
      (list (or (executable-find "python3") "python3") "-m" "gptel_diagnose")))

(defun gptel-diagnose--server-environment ()
  "`process-environment' for the server: this package's server/ on PYTHONPATH."
  (let* ((root (gptel-diagnose--package-root))
         (dir (and root (expand-file-name "server" root))))
    (if (and dir (file-directory-p dir))
        (cons (concat "PYTHONPATH=" dir
                      (when-let ((old (getenv "PYTHONPATH"))) (concat ":" old)))
              process-environment)
      process-environment)))

(defun gptel-diagnose--executable (command)
  "Return the program of COMMAND as an absolute file name, or nil if none."
  (let ((program (car command)))
    (and (stringp program)
         (if (file-name-absolute-p program)
             (and (file-executable-p program) program)
           (executable-find program)))))

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
    (let* ((conn (condition-case nil
                     (funcall make :events-buffer-config '(:size 0))
                   (invalid-slot-name (funcall make :events-buffer-scrollback-size 0))))
           (process (jsonrpc--process conn))
           (sentinel (process-sentinel process)))
      ;; jsonrpc announces "Server exited" in the echo area, over our line; the
      ;; log buffer records deaths instead.
      (set-process-sentinel process (lambda (proc event)
                                      (let ((inhibit-message t))
                                        (funcall sentinel proc event))))
      conn)))

(defun gptel-diagnose--keep-stderr (conn)
  "Copy CONN's stderr into the log buffer, which outlives restarts."
  (let ((stderr (ignore-errors (jsonrpc-stderr-buffer conn))))
    (when (and (buffer-live-p stderr) (> (buffer-size stderr) 0))
      (let ((text (with-current-buffer stderr (buffer-string))))
        (gptel-diagnose--log "server stderr:\n%s" (string-trim-right text))))))

(defun gptel-diagnose--backoff ()
  "Seconds to wait before starting the server again, after recent deaths."
  (let* ((now (float-time))
         (recent (seq-filter (lambda (time) (< (- now time) 300)) gptel-diagnose--deaths)))
    (setq gptel-diagnose--deaths recent)
    (if (< (length recent) 2) 0
      (min 60 (expt 2 (length recent))))))

(defun gptel-diagnose--on-shutdown (conn)
  "Forget CONN once its process has died; back off after repeated deaths."
  (gptel-diagnose--keep-stderr conn)
  (unless (process-get (jsonrpc--process conn) 'gptel-diagnose-stopping)
    (push (float-time) gptel-diagnose--deaths)
    (setq gptel-diagnose--not-before (+ (float-time) (gptel-diagnose--backoff)))
    (gptel-diagnose--log "server died (exit status %s)"
                         (process-exit-status (jsonrpc--process conn))))
  (when (eq conn gptel-diagnose--connection)
    (setq gptel-diagnose--connection nil)))

(defun gptel-diagnose--connection ()
  "A live connection to the server, started if need be; nil if it cannot start."
  (when (and gptel-diagnose--connection
             (eq (process-status (jsonrpc--process gptel-diagnose--connection)) 'stop))
    ;; Stopped (SIGSTOP): it cannot answer, and writing to it fails.
    (gptel-diagnose--forget-wedged gptel-diagnose--connection "is stopped"))
  (cond
   ((and gptel-diagnose--connection (jsonrpc-running-p gptel-diagnose--connection))
    gptel-diagnose--connection)
   ((< (float-time) gptel-diagnose--not-before)
    (setq gptel-diagnose--start-error
          (format "it keeps dying; next try in %d s, see M-x gptel-diagnose-show-log"
                  (ceiling (- gptel-diagnose--not-before (float-time)))))
    nil)
   (t
    (condition-case err
        (let* ((command (gptel-diagnose--server-command))
               (conn (if (gptel-diagnose--executable command)
                         (gptel-diagnose--make-connection command)
                       (error "No such program: %s" (car command)))))
          (setq gptel-diagnose--connection conn
                gptel-diagnose--start-error nil)
          (add-hook 'kill-emacs-hook #'gptel-diagnose--stop-at-exit)
          (gptel-diagnose--log "server started: %s" (string-join command " "))
          (jsonrpc-async-request conn :initialize
                                 (list :processId (emacs-pid)
                                       :locale (gptel-diagnose--locale))
                                 :timeout gptel-diagnose-request-timeout)
          conn)
      (error
       (setq gptel-diagnose--connection nil
             gptel-diagnose--start-error (error-message-string err))
       (gptel-diagnose--log "server did not start: %s" gptel-diagnose--start-error)
       nil)))))

(defun gptel-diagnose--stop (conn)
  "Ask CONN's server to shut down and exit, without waiting; kill it soon after."
  (let ((process (jsonrpc--process conn)))
    (process-put process 'gptel-diagnose-stopping t)
    (ignore-errors
      (jsonrpc-async-request conn :shutdown nil :timeout 1)
      (jsonrpc-notify conn :exit nil))
    (run-at-time 1 nil (lambda ()
                         (when (process-live-p process) (delete-process process))))
    (when (eq conn gptel-diagnose--connection)
      (setq gptel-diagnose--connection nil))))

(defun gptel-diagnose--stop-at-exit ()
  "At `kill-emacs', tell the server to exit; never wait for it."
  (when-let ((conn gptel-diagnose--connection))
    (let ((process (jsonrpc--process conn)))
      (process-put process 'gptel-diagnose-stopping t)
      (ignore-errors (jsonrpc-notify conn :exit nil))
      (ignore-errors (delete-process process)))))

(defun gptel-diagnose--forget-wedged (conn why)
  "Stop CONN, which cannot serve us (for the reason WHY).
The next request starts a new server."
  (when (and conn (eq conn gptel-diagnose--connection))
    (gptel-diagnose--log "server %s: stopping it" why)
    (push (float-time) gptel-diagnose--deaths)
    (setq gptel-diagnose--not-before (+ (float-time) (gptel-diagnose--backoff)))
    (gptel-diagnose--stop conn)))

;;;; Asking for a diagnosis

(defun gptel-diagnose--diagnosis-p (result)
  "Non-nil if RESULT has the shape of a diagnosis: nothing else is rendered."
  (and (listp result) (keywordp (car result))
       (stringp (plist-get result :summary))
       (cl-every (lambda (key) (let ((v (plist-get result key)))
                                 (or (null v) (vectorp v))))
                 '(:fixes :steps :docs))
       (cl-every (lambda (fix) (and (listp fix) (stringp (plist-get fix :title))))
                 (plist-get result :fixes))))

(defun gptel-diagnose--ask-diagnosis (params callback &optional retried)
  "Ask the server to diagnose PARAMS, then call CALLBACK with two arguments.
They are the diagnosis and nil on success, else nil and a problem
plist (:kind KIND :message TEXT) saying what went wrong.  CALLBACK
is always called, once.  If the request cannot even be sent (the
server just died or stopped), a fresh server is tried once, unless
RETRIED."
  (let ((conn (gptel-diagnose--connection))
        (done nil))
    (cl-flet ((finish (diagnosis problem)
                (unless done
                  (setq done t)
                  (gptel-diagnose--safely (funcall callback diagnosis problem)))))
      (if (not conn)
          (finish nil (list :kind 'not-started :message gptel-diagnose--start-error))
        (condition-case err
            (jsonrpc-async-request
             conn :diagnose params
             :timeout gptel-diagnose-request-timeout
             :success-fn (lambda (result)
                           (if (gptel-diagnose--diagnosis-p result)
                               (finish result nil)
                             (finish nil (list :kind 'error :message
                                               "its answer is not a diagnosis"))))
             :error-fn (lambda (err)
                         (finish nil (list :kind 'error
                                           :message (plist-get err :message))))
             :timeout-fn (lambda ()
                           (gptel-diagnose--forget-wedged
                            conn (format "did not answer in %s s"
                                         gptel-diagnose-request-timeout))
                           (finish nil (list :kind 'timeout))))
          (error
           (gptel-diagnose--forget-wedged conn (error-message-string err))
           (if retried
               (finish nil (list :kind 'error :message (error-message-string err)))
             (setq done t)
             (gptel-diagnose--ask-diagnosis params callback t))))))))

;;;; Commands

(defun gptel-diagnose--install-hint ()
  "How to install the server, in one phrase."
  "M-x gptel-diagnose-install-server")

;;;###autoload
(defun gptel-diagnose-restart-server ()
  "Stop the server if it is running, forget its crashes, and start it again."
  (interactive)
  (when gptel-diagnose--connection (gptel-diagnose--stop gptel-diagnose--connection))
  (setq gptel-diagnose--deaths nil gptel-diagnose--not-before 0)
  (if (gptel-diagnose--connection)
      (message "gptel-diagnose: server started")
    (message "gptel-diagnose: server did not start: %s" gptel-diagnose--start-error)))

;;;###autoload
(defun gptel-diagnose-show-log ()
  "Show the server's stderr and gptel-diagnose's own events."
  (interactive)
  (when gptel-diagnose--connection (gptel-diagnose--keep-stderr gptel-diagnose--connection))
  (with-current-buffer (get-buffer-create gptel-diagnose--log-buffer)
    (special-mode))
  (display-buffer gptel-diagnose--log-buffer))

;;;###autoload
(defun gptel-diagnose-install-server ()
  "Install the server shipped with this package into a private environment.
The environment lives under `user-emacs-directory'; no terminal
is needed.  Runs in the background and reports when done."
  (interactive)
  (let* ((root (gptel-diagnose--package-root))
         (venv (gptel-diagnose--venv-dir))
         (python (or (executable-find gptel-diagnose-python)
                     (user-error "Cannot find %s: install Python 3.10 or newer"
                                 gptel-diagnose-python)))
         (buffer (get-buffer-create "*gptel-diagnose install*")))
    (unless (and root (file-exists-p (expand-file-name "pyproject.toml" root)))
      (user-error "Cannot find the server's sources (pyproject.toml) next to this package"))
    (make-directory (file-name-directory venv) t)
    (with-current-buffer buffer
      (let ((inhibit-read-only t)) (erase-buffer)))
    (display-buffer buffer)
    (make-process
     :name "gptel-diagnose-install" :buffer buffer :noquery t
     :command (list "sh" "-c"
                    (format "%s -m venv %s && %s -m pip install --upgrade %s"
                            (shell-quote-argument python)
                            (shell-quote-argument venv)
                            (shell-quote-argument (expand-file-name "bin/python" venv))
                            (shell-quote-argument (directory-file-name root))))
     :sentinel
     (lambda (process _event)
       (unless (process-live-p process)
         (if (and (zerop (process-exit-status process)) (gptel-diagnose--venv-script))
             (progn
               (setq gptel-diagnose--start-error nil
                     gptel-diagnose--deaths nil gptel-diagnose--not-before 0)
               (message "gptel-diagnose: server installed in %s" venv))
           (message "gptel-diagnose: installing the server failed; see %s"
                    (buffer-name buffer))))))))


(provide 'gptel-diagnose-server)
;;; gptel-diagnose-server.el ends here
