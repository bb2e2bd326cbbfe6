;;; gptel-diagnose-gptel.el --- What gptel-diagnose knows of gptel's internals  -*- lexical-binding: t -*-

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

;; The middle layer of gptel-diagnose, and the one place that knows
;; gptel's internals: its request state machine (`gptel--fsm-transition',
;; gptel 0.9.8 and newer), the info plist a request carries, and the
;; backend struct.  Everything here reads gptel; only resending a
;; request calls into it.
;;
;; It requires only the server layer (`gptel-diagnose-server') and the
;; generated tables (`gptel-diagnose-tables').  The layer above hands `gptel-diagnose--gptel-watch' the function to call
;; with each failure; nothing here calls up.
;;
;; gptel's official hook, `gptel-post-response-functions', runs only
;; for `gptel-send'.  Every request, whatever its entry point, moves
;; through `gptel--fsm-transition', so an :around advice there sees
;; them all, and errors that escape gptel synchronously too.
;;
;; Four more advices, all while watching: `gptel--get-api-key', to
;; note whose key shape gptel just fetched (never the key); url.el's
;; `url-http-parse-headers', whose HTTP 402 would otherwise be an error
;; in a process filter that leaves gptel's request hanging; url.el's
;; `url-http-handle-authentication', which meets a 401 that asked for no
;; credentials by prompting for a user name and password, and one that
;; asked in a scheme it does not know by never calling back (for gptel's
;; own requests only, these go to gptel's callback like any other 4xx);
;; and `url-http', to watch the connection it starts: a host name that
;; does not resolve fails it without a word to url.el, which then never
;; calls back.

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'seq)
(require 'subr-x)
(require 'gptel-diagnose-tables)
(require 'gptel-diagnose-server)

(declare-function mail-fetch-field "mail-utils")
(declare-function url-auth-registered "url-auth")
(declare-function gptel-fsm-p "gptel-request")
(declare-function gptel-fsm-state "gptel-request")
(declare-function gptel-fsm-table "gptel-request")
(declare-function gptel-fsm-handlers "gptel-request")
(declare-function gptel-fsm-info "gptel-request")
(declare-function gptel--fsm-transition "gptel-request")
(declare-function gptel-send "gptel")
(declare-function gptel-prompt-prefix-string "gptel-request")
(declare-function gptel-response-prefix-string "gptel-request")
(defvar gptel-response-separator)
(defvar gptel-mode)
(defvar gptel-backend)
(defvar gptel-model)
(defvar gptel-use-curl)
(defvar gptel-proxy)
(defvar gptel-log-level)
(defvar gptel-temperature)
(defvar gptel-max-tokens)
(defvar gptel-version)
(defvar gptel-api-key)
(defvar gptel-use-tools)
(defvar gptel-tools)
(defvar gptel-stream)
(defvar gptel-curl-extra-args)
(defvar gptel--request-alist)
(defvar gptel--known-backends)
(declare-function gptel-api-key-from-auth-source "gptel-request")
(defvar gptel-send--transitions)
(defvar gptel-send--handlers)
(defvar gptel--rewrite-handlers)

(defvar gptel-diagnose--reported (make-hash-table :test 'eq :weakness 'key)
  "Requests (state machines) already reported, so a failure is reported once.")

(defvar gptel-diagnose--sent-data (make-hash-table :test 'eq :weakness 'key)
  "The payload each request sent, kept at WAIT.
`gptel-send' empties the messages of its payload when it is done
\=(unless logging is on); the curl replay needs them.")

(defvar gptel-diagnose--log-marks (make-hash-table :test 'eq :weakness 'key)
  "Where *gptel-log* ended when each request was sent, kept at WAIT.
The request's response body, when gptel logs it, comes after.")

(defvar gptel-diagnose--url-failures (make-hash-table :test #'eq :weakness 'key)
  "The reason url.el never gave, for each gptel request (FSM) it failed.")

(defvar gptel--log-buffer-name)

(defun gptel-diagnose--log-buffer ()
  "The buffer gptel logs requests and responses to, or nil if there is none yet.
Its name is gptel's own `gptel--log-buffer-name' when gptel defines it."
  (get-buffer (if (and (boundp 'gptel--log-buffer-name)
                       (stringp gptel--log-buffer-name))
                  gptel--log-buffer-name
                "*gptel-log*")))

(defvar gptel-diagnose--gptel-handler nil
  "Function called with each failed request, or nil when not watching.
It receives one plist: :params (what the server may know of the
failure), :fsm, :buffer, :position and :entry.")

;;;; The backend

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

(defun gptel-diagnose--gptel-trims-key-p ()
  "Non-nil if the loaded gptel drops trailing newlines from a key.
gptel 0.9.7 and later do, before they send it."
  (let ((version (gptel-diagnose--gptel-version)))
    (and version (ignore-errors (version<= "0.9.7" version)))))

(defun gptel-diagnose--key-whitespace-p (key)
  "Non-nil if KEY has stray whitespace around it, as gptel sends it.
KEY is a string or a variable holding one.  Functions are not
called: they may prompt or decrypt.  A trailing newline that the
loaded gptel drops itself does not count."
  (let ((value (cond ((stringp key) key)
                     ((and key (symbolp key) (boundp key)
                           (stringp (symbol-value key)))
                      (symbol-value key)))))
    (when (and value (gptel-diagnose--gptel-trims-key-p))
      (setq value (string-trim-right value "[\n\r]+")))
    (and value (string-match-p "\\`[ \t\n\r]\\|[ \t\n\r]\\'" value) t)))

(defun gptel-diagnose--visible-code (function)
  "What can be seen of FUNCTION without calling it, or nil.
A byte-compiled function's constants, as a list; a lambda's or an
interpreted closure's printed form, as a string."
  (let ((definition (indirect-function function)))
    (cond ((byte-code-function-p definition)
           (let ((constants (aref definition 2)))
             (and (vectorp constants) (append constants nil))))
          ((or (consp definition)
               (and (fboundp 'interpreted-function-p)
                    (funcall 'interpreted-function-p definition)))
           (prin1-to-string definition)))))

(defun gptel-diagnose--calls-getenv-p (function)
  "Non-nil if a call of `getenv' is visible in FUNCTION.
Looks at a lambda's body or a byte-compiled function's constants;
never calls FUNCTION."
  (let ((code (gptel-diagnose--visible-code function)))
    (if (stringp code)
        (string-match-p "(getenv[ )]" code)
      (and (memq 'getenv code) t))))

(defconst gptel-diagnose--env-name-regexp "\\`[A-Za-z_][A-Za-z0-9_]\\{0,63\\}\\'"
  "An environment variable's name, as a key function gives it to `getenv'.")

(defun gptel-diagnose--key-env-name (key)
  "The environment variable read by a backend's KEY function, or nil.
Only when the function names exactly one variable, as a literal
string: in a lambda's body, or among a byte-compiled function's
constants next to `getenv'.  Never calls the function."
  (let* ((function (if (and (symbolp key) (boundp key) (not (fboundp key)))
                       (symbol-value key)
                     key))
         (code (and (functionp function) (gptel-diagnose--visible-code function)))
         (names
          (if (stringp code)
              (let ((start 0) found)
                (while (string-match "(getenv \"\\([^\"\\]*\\)\"" code start)
                  (push (match-string 1 code) found)
                  (setq start (match-end 0)))
                found)
            (and (memq 'getenv code) (seq-filter #'stringp code)))))
    (setq names (delete-dups
                 (seq-filter (lambda (name)
                               (string-match-p gptel-diagnose--env-name-regexp name))
                             names)))
    (and (= (length names) 1) (car names))))

(defun gptel-diagnose--key-source (key)
  "Where gptel gets a backend's KEY (its :key slot), as the server names it.
One of \"none\", \"string\", \"gptel-api-key\" (the variable
holding a string), \"auth-source\" (gptel's auth-source lookup),
\"env\" (a function that reads the environment) or \"function\"."
  (cond ((null key) "none")
        ((stringp key) "string")
        ((eq key 'gptel-api-key-from-auth-source) "auth-source")
        ((functionp key)
         (if (gptel-diagnose--calls-getenv-p key) "env" "function"))
        ((and (symbolp key) (boundp key))
         (let ((value (symbol-value key)))
           (cond ((null value) "none")
                 ;; Another variable holding a string reads as a string in :key.
                 ((stringp value) (if (eq key 'gptel-api-key) "gptel-api-key" "string"))
                 (t (gptel-diagnose--key-source value)))))
        (t "none")))

(defun gptel-diagnose--key-shape (key)
  "The provider kind whose documented key prefix KEY (a string) has, or nil."
  (when (stringp key)
    (let ((key (string-trim key)))
      ;; The table lists longer prefixes first: the first match is the longest.
      (cdr (seq-find (lambda (row) (string-prefix-p (car row) key))
                     gptel-diagnose--key-prefixes)))))

(defvar gptel-diagnose--key-shapes (make-hash-table :test 'eq :weakness 'key)
  "The shape of the key gptel last fetched for each backend, or `none'.
Filled as gptel builds a request's headers, so a key kept behind a
function is never fetched a second time.  Never the key itself.")

(defun gptel-diagnose--note-key-shape (key)
  "Remember the shape of KEY, just fetched for `gptel-backend'; return KEY."
  (gptel-diagnose--safely
    (when (and (boundp 'gptel-backend) gptel-backend (stringp key))
      (puthash gptel-backend (or (gptel-diagnose--key-shape key) 'none)
               gptel-diagnose--key-shapes)))
  key)

(defun gptel-diagnose--backend-key-shape (backend key)
  "The shape of BACKEND's KEY slot: read from a string, else as last fetched."
  (let ((value (cond ((stringp key) key)
                     ((and key (symbolp key) (not (functionp key)) (boundp key)
                           (stringp (symbol-value key)))
                      (symbol-value key)))))
    (if value (gptel-diagnose--key-shape value)
      (let ((shape (and backend (gethash backend gptel-diagnose--key-shapes))))
        (and (stringp shape) shape)))))

(defun gptel-diagnose--backend-params (backend)
  "What the server may know about BACKEND.  Never the key itself."
  (when backend
    (let* ((key (gptel-diagnose--slot backend 'key))
           (key-source (gptel-diagnose--key-source key))
           (endpoint (gptel-diagnose--slot backend 'endpoint)))
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
            :key_source key-source
            :key_env (and (equal key-source "env") (gptel-diagnose--key-env-name key))
            :key_shape (gptel-diagnose--backend-key-shape backend key)
            :models (and (proper-list-p (gptel-diagnose--slot backend 'models))
                         (vconcat (mapcar #'symbol-name
                                          (seq-take (gptel-diagnose--backend-models backend)
                                                    200))))))))

;;;; Choosing another model, key or backend (ask fixes)

(defun gptel-diagnose--request-backend (fsm buffer)
  "The backend of the request FSM, made from BUFFER, or BUFFER's backend."
  (or (and fsm (gptel-fsm-p fsm) (plist-get (gptel-fsm-info fsm) :backend))
      (gptel-diagnose--buffer-value 'gptel-backend buffer)))

(defun gptel-diagnose--backend-name (backend)
  "BACKEND's name, a string, or nil."
  (let ((name (gptel-diagnose--slot backend 'name)))
    (and (stringp name) name)))

(defun gptel-diagnose--backend-models (backend)
  "Return BACKEND's models, symbols, in gptel's order."
  (let ((models (gptel-diagnose--slot backend 'models)))
    (and (proper-list-p models)
         (delq nil (mapcar (lambda (model)
                             (let ((model (if (consp model) (car model) model)))
                               (cond ((symbolp model) model)
                                     ((stringp model) (intern model)))))
                           models)))))

(defun gptel-diagnose--known-backends ()
  "The backends gptel knows, as (NAME . BACKEND), in gptel's order."
  (and (boundp 'gptel--known-backends)
       (seq-filter (lambda (entry) (and (stringp (car entry)) (cdr entry)))
                   gptel--known-backends)))

(defun gptel-diagnose--backend-key (backend)
  "Return BACKEND's :key slot: a string, a variable or a function."
  (gptel-diagnose--slot backend 'key))

(defun gptel-diagnose--set-backend-key (backend key)
  "Make KEY BACKEND's :key (for this session: nothing is saved)."
  (let ((type 'gptel-backend))     ; read by name, as `gptel-diagnose--slot' does
    (setf (cl-struct-slot-value type 'key backend) key)))

;;;; The request

(defun gptel-diagnose--buffer-value (variable buffer)
  "VARIABLE's value in BUFFER (or its default value), nil if unbound."
  (cond ((not (boundp variable)) nil)
        ((buffer-live-p buffer) (buffer-local-value variable buffer))
        (t (default-value variable))))

;;;; The request's context

(defun gptel-diagnose--host-port (address)
  "The host:port of the proxy ADDRESS, without scheme, credentials or path."
  (when (and (stringp address) (not (string-empty-p (string-trim address))))
    (let ((address (string-trim address)))
      (string-match "\\`\\(?:[A-Za-z][A-Za-z0-9+.-]*://\\)?\\(?:[^@/]*@\\)?\\([^/?#]*\\)"
                    address)
      (let ((host (match-string 1 address)))
        (and (not (string-empty-p host)) (gptel-diagnose--clean-string host))))))

(defconst gptel-diagnose--curl-proxy-options
  '("-x" "--proxy" "--preproxy" "--socks4" "--socks4a" "--socks5" "--socks5-hostname")
  "The curl options whose argument is a proxy.")

(defconst gptel-diagnose--curl-secret-options
  '("-U" "--proxy-user" "-u" "--user" "--oauth2-bearer" "--proxy-pass" "--pass")
  "The curl options whose argument is a credential.")

(defun gptel-diagnose--curl-proxy (args)
  "The proxy the curl ARGS set, or nil."
  (cl-loop for (arg next) on args
           when (member arg gptel-diagnose--curl-proxy-options) return next
           when (and (stringp arg)
                     (string-match "\\`\\(--[a-z0-9-]+\\)=\\(.*\\)" arg)
                     (member (match-string 1 arg) gptel-diagnose--curl-proxy-options))
           return (match-string 2 arg)))

(defun gptel-diagnose--redact-curl-args (args)
  "ARGS (curl arguments) as strings, with credentials and keys taken out."
  (let ((secret-next nil))
    (mapcar (lambda (arg)
              (let ((text (if (stringp arg) arg (format "%s" arg))))
                (prog1 (cond (secret-next "<redacted>")
                             ((string-match "\\`\\(--[a-z0-9-]+=\\)"  text)
                              (if (member (substring text 0 (1- (match-end 1)))
                                          gptel-diagnose--curl-secret-options)
                                  (concat (match-string 1 text) "<redacted>")
                                (gptel-diagnose--strip-userinfo text)))
                             (t (gptel-diagnose--strip-userinfo text)))
                  (setq secret-next (member text gptel-diagnose--curl-secret-options)))))
            args)))

(defun gptel-diagnose--strip-userinfo (text)
  "TEXT, redacted, with any user:password@ in a URL taken out."
  (gptel-diagnose--clean-string
   (replace-regexp-in-string "\\(://\\)[^/@ ]*@" "\\1<redacted>@" text t)))

(defun gptel-diagnose--curl-args (buffer backend)
  "The extra curl arguments of a request from BUFFER to BACKEND, unredacted."
  (let ((extra (gptel-diagnose--buffer-value 'gptel-curl-extra-args buffer))
        (backend-args (gptel-diagnose--slot backend 'curl-args)))
    (append (and (listp extra) extra)
            (and (listp backend-args) backend-args))))

(defun gptel-diagnose--proxy (buffer)
  "Return the `gptel-proxy' of a request from BUFFER, or nil.
As gptel reads it: any string but the empty one."
  (let ((proxy (gptel-diagnose--buffer-value 'gptel-proxy buffer)))
    (and (stringp proxy) (not (string-empty-p proxy)) proxy)))

(defconst gptel-diagnose--proxy-variables
  '("http_proxy" "https_proxy" "all_proxy" "no_proxy")
  "The environment variables curl reads a proxy from, lower case.")

(defun gptel-diagnose--env-proxy ()
  "The proxy variables set in the environment, as a plist of host:port.
Either case counts; the lower-case variable wins, as with curl.
For no_proxy, its list of hosts."
  (cl-loop for name in gptel-diagnose--proxy-variables
           for value = (seq-find (lambda (v) (and v (not (string-empty-p v))))
                                 (list (getenv name) (getenv (upcase name))))
           for shown = (if (equal name "no_proxy") (and value (gptel-diagnose--clean-string value))
                         (gptel-diagnose--host-port value))
           when shown nconc (list (intern (concat ":" name)) shown)))

(defun gptel-diagnose--request-params-value (params keys)
  "The first of KEYS set in the request PARAMS plist (or its :generationConfig)."
  (let ((params (and (proper-list-p params) params)))
    (or (cl-loop for key in keys when (plist-member params key) return (list (plist-get params key)))
        (let ((config (plist-get params :generationConfig)))
          (and (proper-list-p config)
               (cl-loop for key in keys when (plist-member config key)
                        return (list (plist-get config key))))))))

(defun gptel-diagnose--setting (variable keys buffer model backend)
  "The value gptel sends for VARIABLE in BUFFER, and where it is set.
The request params of MODEL, then of BACKEND, override VARIABLE
when they set one of KEYS.  Return (VALUE . SOURCE), SOURCE one of
\"model\", \"buffer-local\" or \"global\"; nil when nothing is sent."
  (let ((from-params (or (and model (symbolp model)
                              (gptel-diagnose--request-params-value
                               (get model :request-params) keys))
                         (gptel-diagnose--request-params-value
                          (gptel-diagnose--slot backend 'request-params) keys))))
    (cond
     (from-params (and (car from-params) (cons (car from-params) "model")))
     ((not (boundp variable)) nil)
     (t (let ((value (gptel-diagnose--buffer-value variable buffer)))
          (and value
               (cons value (if (and (buffer-live-p buffer)
                                    (local-variable-p variable buffer))
                               "buffer-local"
                             "global"))))))))

(defun gptel-diagnose--request-bytes (fsm)
  "The size in bytes of the JSON body FSM sent, or nil."
  (let ((data (or (gethash fsm gptel-diagnose--sent-data)
                  (plist-get (gptel-fsm-info fsm) :data))))
    (when (consp data)
      (ignore-errors
        (string-bytes (encode-coding-string
                       (if (fboundp 'gptel--json-encode) (gptel--json-encode data)
                         (json-encode data))
                       'utf-8))))))

(defvar gptel-diagnose--refused-models (make-hash-table :test #'equal)
  "Models each backend answered \"not found\" for in this session, by backend name.")

(defun gptel-diagnose--note-diagnosis (params diagnosis)
  "Note the model a backend refused, if DIAGNOSIS of PARAMS is model.not_found.
Such a model is not offered again in place of another."
  (let ((backend (plist-get (plist-get params :backend) :name))
        (model (plist-get (plist-get params :request) :model)))
    (when (and (equal (plist-get diagnosis :category) "model.not_found")
               (stringp backend) (stringp model))
      (let ((refused (gethash backend gptel-diagnose--refused-models)))
        (unless (member model refused)
          (puthash backend (seq-take (cons model refused) 20)
                   gptel-diagnose--refused-models))))))

(defun gptel-diagnose--context-params (fsm buffer backend model)
  "What the server may know of the setup FSM ran in: BUFFER, BACKEND, MODEL.
Proxies (configured and in the environment, host:port only), curl
arguments redacted, temperature and max tokens with where each is set,
versions, the request's size, and whether tools were on."
  (let* ((proxy (gptel-diagnose--proxy buffer))
         (curl-args (gptel-diagnose--curl-args buffer backend))
         (curl-proxy (gptel-diagnose--curl-proxy curl-args))
         (temperature (gptel-diagnose--setting 'gptel-temperature '(:temperature)
                                               buffer model backend))
         (max-tokens (gptel-diagnose--setting
                      'gptel-max-tokens
                      '(:max_tokens :max_completion_tokens :max_output_tokens
                                    :maxOutputTokens :num_predict)
                      buffer model backend))
         (use-tools (gptel-diagnose--buffer-value 'gptel-use-tools buffer)))
    (list :proxy (gptel-diagnose--bool (or proxy curl-proxy))
          :proxy_host (gptel-diagnose--host-port (or proxy curl-proxy))
          :curl_extra_args (vconcat (gptel-diagnose--redact-curl-args
                                     (seq-take curl-args 50)))
          :env_proxy (gptel-diagnose--env-proxy)
          :temperature (and (numberp (car temperature)) (car temperature))
          :temperature_source (and (numberp (car temperature)) (cdr temperature))
          :max_tokens (and (integerp (car max-tokens)) (car max-tokens))
          :max_tokens_source (and (integerp (car max-tokens)) (cdr max-tokens))
          :curl_version (gptel-diagnose--curl-version)
          :request_bytes (gptel-diagnose--request-bytes fsm)
          :use_tools (gptel-diagnose--bool
                      (and use-tools
                           (or (plist-get (plist-get (gptel-fsm-info fsm) :data) :tools)
                               (and (boundp 'gptel-tools)
                                    (gptel-diagnose--buffer-value 'gptel-tools buffer)))))
          :refused_models (let ((name (gptel-diagnose--slot backend 'name)))
                            (vconcat (and (stringp name)
                                          (gethash name gptel-diagnose--refused-models)))))))

(defun gptel-diagnose--log-end ()
  "Where *gptel-log* ends now: 1 when there is none yet."
  (let ((log (gptel-diagnose--log-buffer)))
    (if log (with-current-buffer log (point-max)) 1)))

(defun gptel-diagnose--logged-body (fsm)
  "The response body gptel logged for FSM, redacted and cut short, or nil.
Read from *gptel-log* after where it ended when FSM was sent, and
only when exactly one response body was logged since: with two
requests under way at once, neither can tell which is its own."
  (let ((log (gptel-diagnose--log-buffer))
        (mark (gethash fsm gptel-diagnose--log-marks)))
    (when (and log mark)
      (with-current-buffer log
        (save-excursion
          (save-restriction
            (widen)
            (goto-char (min mark (point-max)))
            ;; An entry's header is one line, or several when gptel pretty-printed it
            ;; together with its JSON data.
            (let ((entry (concat "^{[ \t\n]*\"gptel\": \"\\([^\"]*\\)\",[ \t\n]*"
                                 "\"timestamp\": \"[^\"]*\"[ \t\n]*}\n"))
                  (bodies nil))
              ;; Two bodies are as good as many: neither is known to be FSM's.
              (while (and (< (length bodies) 2) (re-search-forward entry nil t))
                (when (equal (match-string 1) "response body")
                  (let ((start (point)))
                    (push (buffer-substring-no-properties
                           start (if (re-search-forward entry nil t)
                                     (progn (goto-char (match-beginning 0)) (point))
                                   (point-max)))
                          bodies))))
              (when (= (length bodies) 1)
                (gptel-diagnose--body-text (car bodies))))))))))

(defun gptel-diagnose--body-text (text)
  "TEXT, a response body, trimmed and made safe to send; nil when empty or nil."
  (when (stringp text)
    (let ((body (string-trim text)))
      (unless (string-empty-p body)
        (gptel-diagnose--clean-string body)))))

;; url.el's buffer-local end of the headers.
(defvar url-http-end-of-headers)

(defun gptel-diagnose--trailer-start (uuid)
  "Where this curl process buffer's trailer begins, or nil.
The trailer is \"(UUID . HEADER-SIZE)\", which gptel has curl write
last."
  (save-excursion
    (goto-char (point-max))
    (and (stringp uuid) (search-backward uuid nil t)
         (max (point-min) (1- (point))))))

(defun gptel-diagnose--curl-body (uuid)
  "The response body in this curl process buffer, or nil.
It runs from the end of the headers to the trailer
\"(UUID . HEADER-SIZE)\" that gptel has curl write last."
  (let ((end (gptel-diagnose--trailer-start uuid)))
    (when end
      (let ((start (cdr-safe (progn (goto-char end)
                                    (ignore-errors (read (current-buffer)))))))
        (and (integerp start) (<= (point-min) start end)
             (buffer-substring-no-properties start end))))))

(defun gptel-diagnose--url-body ()
  "The response body in this url.el buffer, or nil."
  (and (boundp 'url-http-end-of-headers)
       (number-or-marker-p url-http-end-of-headers)
       (<= (point-min) url-http-end-of-headers (point-max))
       (buffer-substring-no-properties url-http-end-of-headers (point-max))))

(defun gptel-diagnose--request-key (fsm)
  "FSM's key in `gptel--request-alist', or nil.
The key is its curl process or url.el buffer."
  (and (boundp 'gptel--request-alist)
       (car (seq-find (lambda (entry) (eq (car-safe (cdr-safe entry)) fsm))
                      gptel--request-alist))))

(defun gptel-diagnose--curl-marker (info)
  "The marker gptel had curl write after the body of the request with INFO.
gptel 0.9.9.5 and newer keep it under :uuid, older gptel under :token."
  (or (plist-get info :uuid) (plist-get info :token)))

(defun gptel-diagnose--received-body (fsm)
  "The body of FSM's HTTP response as gptel received it, unredacted, or nil.
The body may be empty.  gptel still holds the buffer of FSM's curl
process (or url.el retrieval) while the failure is noticed, so no
logging is needed.  Nil when that buffer is gone or not found."
  (let* ((key (gptel-diagnose--request-key fsm))
         (buffer (if (processp key) (process-buffer key) key)))
    (when (and (bufferp buffer) (buffer-live-p buffer))
      (with-current-buffer buffer
        (save-excursion
          (save-restriction
            (widen)
            (if (processp key)
                (gptel-diagnose--curl-body (gptel-diagnose--curl-marker (gptel-fsm-info fsm)))
              (gptel-diagnose--url-body))))))))

(defconst gptel-diagnose--chunk-limit 2000
  "The most characters of a stream chunk gptel could not read that are sent.")

(defun gptel-diagnose--parse-json (text)
  "TEXT read as one JSON value, objects as plists.
Signal an error if TEXT is not one."
  (if (fboundp 'json-parse-string)
      (json-parse-string text :object-type 'plist :null-object :null
                         :false-object :json-false)
    (let ((json-object-type 'plist))
      (json-read-from-string text))))

(defun gptel-diagnose--json-p (text)
  "Non-nil if TEXT is one whole JSON value."
  (condition-case nil
      (let ((_value (gptel-diagnose--parse-json text)))
        t)
    (error nil)))

(defun gptel-diagnose--in-stream-buffer (fsm function)
  "Call FUNCTION in the curl buffer of FSM's finished streamed 200.
FUNCTION gets the position where the body ends (curl's trailer);
point is where gptel's stream reader stopped.  Nil, without a
call, unless FSM streamed a 200 through curl, ended done, and
gptel still holds that buffer."
  (let ((info (gptel-fsm-info fsm)))
    (when (and (eq (gptel-fsm-state fsm) 'DONE)
               (equal (plist-get info :http-status) "200")
               (plist-get info :stream))
      (let ((process (gptel-diagnose--request-key fsm)))
        (when (and (processp process) (buffer-live-p (process-buffer process)))
          (with-current-buffer (process-buffer process)
            (save-excursion
              (funcall function
                       (or (gptel-diagnose--trailer-start (gptel-diagnose--curl-marker info))
                           (point-max))))))))))

(defun gptel-diagnose--unread-chunk (fsm)
  "The streamed chunk gptel could not read in FSM's finished answer, or nil.
gptel's stream parser stops at a \"data:\" line whose JSON does
not parse, and waits for the rest of it after point in the curl
buffer.  When the answer ends there (a chunk cut short, or run
into the next one), the reply stops where the chunk began and
gptel reports nothing."
  (gptel-diagnose--in-stream-buffer
   fsm
   (lambda (end)
     (when (re-search-forward "^data: *\\(.*\\)$" end t)
       (let ((json (match-string-no-properties 1))
             (start (match-beginning 0))
             (stop (match-end 0)))
         (unless (or (string-prefix-p "[DONE]" json)
                     (gptel-diagnose--json-p json))
           (gptel-diagnose--clean-string
            (buffer-substring-no-properties
             start (min stop (+ start gptel-diagnose--chunk-limit))))))))))

(defun gptel-diagnose--stream-error (fsm)
  "The error object FSM's finished stream carried, as a plist, or nil.
A provider that fails after the answer began sends its error as an
event of the stream: Anthropic's \"event: error\" with
{\"type\": \"error\", \"error\": {...}} (overloaded_error), an
OpenAI-compatible {\"error\": {...}} chunk (OpenRouter), the
Responses API's error event and its response.failed, Ollama's
{\"error\": \"...\"} line (a model runner that crashed).  gptel's
stream readers skip them: the reply stops and gptel reports
nothing."
  (gptel-diagnose--in-stream-buffer
   fsm
   (lambda (end)
     (goto-char (point-min))
     (let (found)
       (while (and (not found)
                   ;; SSE's "data:" lines, or Ollama's lines of JSON.
                   (re-search-forward
                    "^\\(?:data: *\\)?\\({.*\"error\".*}\\)[ \t\r]*$" end t))
         (let ((object (ignore-errors
                         (gptel-diagnose--parse-json (match-string-no-properties 1)))))
           (when (and (consp object) (keywordp (car object)))
             (let ((error (plist-get object :error))
                   (type (plist-get object :type)))
               (cond
                ((and error (not (memq error '(:null :json-false))))
                 (setq found object))
                ;; The Responses API's error event is the error itself.
                ((equal type "error") (setq found object))
                ;; Its failed response holds the error.
                ((equal type "response.failed")
                 (let ((failed (plist-get (plist-get object :response) :error)))
                   (when (and (consp failed) (keywordp (car failed)))
                     (setq found failed)))))))))
       found))))

(defconst gptel-diagnose--own-findings
  '(("Stream error" . gptel-diagnose--stream-error)
    ("Stream stalled" . gptel-diagnose--unread-chunk)
    ("Empty response" . gptel-diagnose--empty-p))
  "What the companion finds wrong in a request gptel ended as done.
Each entry is (STATUS . FUNCTION): FUNCTION of the request's state
machine returns what it found, or nil, and STATUS is what the
request is then reported with.  The first that finds something
wins: an error event says more than the chunk gptel stopped at,
and that chunk more than the empty reply it leaves.")

(defun gptel-diagnose--own-finding (fsm)
  "Return (STATUS . FOUND) for what gptel left unreported in FSM.
See `gptel-diagnose--own-findings'.  Nil when there is nothing, or
when gptel reported an error itself."
  (unless (plist-get (gptel-fsm-info fsm) :error)
    (cl-loop for (status . find) in gptel-diagnose--own-findings
             for found = (funcall find fsm)
             when found return (cons status found))))

(defun gptel-diagnose--found-by (finding find)
  "Return the value in FINDING when FIND is what found it, else nil.
FINDING is as `gptel-diagnose--own-finding' gives it."
  (and (eq (cdr (assoc (car finding) gptel-diagnose--own-findings)) find)
       (cdr finding)))

(defun gptel-diagnose--body-params (fsm)
  "The `:body' and `:body_empty' error params for FSM's response.
The body as received, else as logged; `:body_empty' when the
response was read and had no body at all, so that no log can show
more of it."
  (let* ((received (gptel-diagnose--received-body fsm))
         (text (gptel-diagnose--body-text received)))
    (if (and received (not text))
        (list :body_empty t)
      (list :body (or text (gptel-diagnose--logged-body fsm))))))

(defun gptel-diagnose--entry (fsm)
  "Which gptel entry point made FSM: send, rewrite or request.
gptel before 0.9.9.5 marks a `gptel-send' request by its handlers
alone, and before 0.9.9.4 a rewrite by its callback."
  (cond ((or (and (boundp 'gptel-send--transitions)
                  (eq (gptel-fsm-table fsm) gptel-send--transitions))
             (and (boundp 'gptel-send--handlers)
                  (eq (gptel-fsm-handlers fsm) gptel-send--handlers)))
         "send")
        ((or (and (boundp 'gptel--rewrite-handlers)
                  (eq (gptel-fsm-handlers fsm) gptel--rewrite-handlers))
             (eq (plist-get (gptel-fsm-info fsm) :callback) 'gptel--rewrite-callback))
         "rewrite")
        (t "request")))

(defun gptel-diagnose--params (fsm &optional signal-data finding)
  "The `diagnose' params for the failed request FSM.
SIGNAL-DATA is the error that escaped gptel, if that is how it failed.
FINDING is `gptel-diagnose--own-finding' of FSM when the caller has
it already; it is looked for otherwise."
  (let* ((info (gptel-fsm-info fsm))
         (buffer (plist-get info :buffer))
         (backend (or (plist-get info :backend)
                      (gptel-diagnose--buffer-value 'gptel-backend buffer)))
         (model (or (plist-get info :model)
                    (gptel-diagnose--buffer-value 'gptel-model buffer)))
         (finding (and (not signal-data)
                       (or finding (gptel-diagnose--own-finding fsm))))
         ;; An error event in a stream gptel read as a 200 is the provider's error.
         (stream-error (gptel-diagnose--found-by finding #'gptel-diagnose--stream-error))
         (error-value (cond (signal-data (error-message-string signal-data))
                            (stream-error)
                            ((plist-get info :error))
                            ;; url.el's own reason, which gptel never got.
                            (t (gethash fsm gptel-diagnose--url-failures))))
         (unread (gptel-diagnose--found-by finding #'gptel-diagnose--unread-chunk))
         (http-status (plist-get info :http-status))
         (use-curl (gptel-diagnose--buffer-value 'gptel-use-curl buffer)))
    (list
     :error (append
             (list :status (gptel-diagnose--json
                            (cond ((car finding))
                                  ((plist-get info :status))
                                  (signal-data "Lisp error")))
                   :http_status (cond (stream-error nil)
                                      ((stringp http-status)
                                       (gptel-diagnose--clean-string http-status))
                                      ((integerp http-status) http-status))
                   :error (gptel-diagnose--json error-value)
                   :displayed (let ((shown (current-message)))
                                (and shown (gptel-diagnose--clean-string shown))))
             ;; gptel's own words (or none) where a provider's error would be: the
             ;; body, as received (else as logged), may hold what gptel could not read.
             (cond (unread (list :body unread))
                   ((and (not signal-data) (not (consp error-value)))
                    (gptel-diagnose--body-params fsm))))
     :backend (gptel-diagnose--backend-params backend)
     :request (append
               (list :model (and model (format "%s" model))
                     :stream (gptel-diagnose--bool (plist-get info :stream))
                     :use_curl (gptel-diagnose--bool use-curl)
                     :entry (gptel-diagnose--entry fsm)
                     :state (and (gptel-fsm-state fsm)
                                 (symbol-name (gptel-fsm-state fsm)))
                     :log_level (let ((v (gptel-diagnose--buffer-value
                                          'gptel-log-level buffer)))
                                  (and v (format "%s" v)))
                     :gptel_version (gptel-diagnose--gptel-version)
                     :emacs_version emacs-version)
               (gptel-diagnose--context-params fsm buffer backend model))
     :locale (gptel-diagnose--locale))))

;;;; Noticing failures

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

(defconst gptel-diagnose--inserting-callbacks
  '(gptel--insert-response gptel-curl--stream-insert-response)
  "The callbacks of gptel that record where they inserted text.")

(defun gptel-diagnose--empty-p (fsm)
  "Non-nil if FSM ended \"successfully\" with nothing to show.
gptel reports no error when a 200 answer has no text it can read
\=(an empty or unreadable body, an error event it does not parse):
its own callbacks then never set :tracking-marker."
  (let ((info (gptel-fsm-info fsm)))
    (and (eq (gptel-fsm-state fsm) 'DONE)
         (equal (plist-get info :http-status) "200")
         (memq (plist-get info :callback) gptel-diagnose--inserting-callbacks)
         (not (plist-get info :tracking-marker))
         (not (plist-get info :tool-use))
         (not (plist-get info :tool-result))
         (not (plist-get info :error)))))

(defun gptel-diagnose--notify (fsm &optional signal-data finding)
  "Hand FSM's failure (SIGNAL-DATA if it signalled) to the handler, once.
FINDING is what the companion found, as `gptel-diagnose--own-finding'."
  (puthash fsm t gptel-diagnose--reported)
  (when gptel-diagnose--gptel-handler
    (let* ((info (gptel-fsm-info fsm))
           (params (gptel-diagnose--params fsm signal-data finding)))
      (funcall gptel-diagnose--gptel-handler
               (list :params params :fsm fsm
                     :buffer (plist-get info :buffer)
                     :position (plist-get info :position)
                     :entry (plist-get (plist-get params :request) :entry))))))

(defun gptel-diagnose--after-transition (fsm)
  "Notice whether FSM's latest transition ended it in failure."
  (cond
   ((eq (gptel-fsm-state fsm) 'WAIT)
    ;; A request is on its way: have the server up before it can fail.
    (gptel-diagnose--warm-up)
    ;; A new network round (tool loops have several): report afresh.
    (remhash fsm gptel-diagnose--reported)
    (puthash fsm (gptel-diagnose--log-end) gptel-diagnose--log-marks)
    (let ((data (plist-get (gptel-fsm-info fsm) :data)))
      ;; A shallow copy: gptel later sets :messages to nil in the live plist.
      (when (consp data) (puthash fsm (copy-sequence data) gptel-diagnose--sent-data))))
   ((and (gptel-diagnose--terminal-p fsm) (not (gethash fsm gptel-diagnose--reported)))
    ;; What the stream shows is looked for once, and only where gptel saw no failure.
    (if (gptel-diagnose--failed-p fsm)
        (gptel-diagnose--notify fsm)
      (let ((finding (gptel-diagnose--own-finding fsm)))
        (when finding (gptel-diagnose--notify fsm nil finding)))))))

(defun gptel-diagnose--around-transition (orig fsm &rest args)
  "Call ORIG with FSM and ARGS, and report the request if it failed.
Errors that escape gptel (a missing key, curl not found) are
reported too, then passed on untouched.  Nothing of ours can
signal into gptel."
  (prog1 (condition-case err
             (apply orig fsm args)
           ((debug error)
            (gptel-diagnose--safely
              (when (and (gptel-fsm-p fsm) (not (gethash fsm gptel-diagnose--reported)))
                (gptel-diagnose--notify fsm err)))
            (signal (car err) (cdr err))))
    (gptel-diagnose--safely
      (when (gptel-fsm-p fsm) (gptel-diagnose--after-transition fsm)))))

(defun gptel-diagnose--gptel-supported-p ()
  "Non-nil if the loaded gptel has the request state machine (0.9.8+)."
  (fboundp 'gptel--fsm-transition))

;;;; url.el's HTTP 402

(defvar url-http-response-status)
(defvar url-callback-arguments)

(defun gptel-diagnose--gptel-url-buffer-p (buffer)
  "Non-nil if BUFFER is the url.el buffer of a live gptel request."
  (and (boundp 'gptel--request-alist) (assq buffer gptel--request-alist) t))

(defun gptel-diagnose--around-url-parse-headers (orig &rest args)
  "Call ORIG with ARGS; answer a gptel request's HTTP 402 like any 4xx.
url.el signals \"Somebody wants you to give them money\" for a 402
from its process filter, so gptel's callback never runs and the
request stays at \"Querying...\" (a batch Emacs exits).  For gptel's
own requests, hand the response to gptel's callback instead, as
url.el does for every other client error: gptel reads the
provider's body and its request ends in failure."
  (let ((buffer (current-buffer)))
    (condition-case err
        (apply orig args)
      (error
       (if (not (and (boundp 'url-http-response-status)
                     (eql url-http-response-status 402)
                     (gptel-diagnose--gptel-url-buffer-p buffer)))
           (signal (car err) (cdr err))
         (with-current-buffer buffer
           (widen)
           (gptel-diagnose--log "url.el: HTTP 402 (%s) handed to gptel"
                                (error-message-string err))
           (setf (car url-callback-arguments)
                 (nconc (list :error (list 'error 'http 402))
                        (car url-callback-arguments)))
           t))))))

(defun gptel-diagnose--url-can-answer-challenge-p ()
  "Non-nil if this 401 asks for credentials url.el knows how to send.
That is, a WWW-Authenticate header names a scheme url.el has
registered (Basic, Digest, NTLM).  With none, url.el prompts for
Basic credentials nobody asked for; with only other schemes (Bearer,
Azure API Management's AzureApiManagementKey) it gives up without
calling back, and the request hangs."
  (seq-some (lambda (challenge)
              (let ((scheme (car (split-string challenge "[ \t,]" t))))
                (and scheme (url-auth-registered (downcase scheme)))))
            (save-restriction (mail-fetch-field "www-authenticate" nil nil t))))

(defun gptel-diagnose--around-url-authentication (orig proxy &rest args)
  "Call ORIG with PROXY and ARGS, unless it cannot answer the server.
url.el answers a 401 that came without an Authorization header sent
by prompting for a user name and password, Basic by default even
when the server asked for none (no WWW-Authenticate header): an
Anthropic key refused, a local Ollama not signed in to ollama.com.
For a scheme it does not know (Azure's AzureApiManagementKey) it
calls nobody back, and gptel waits forever.  For gptel's own
requests, unless the server asked for credentials url.el can send,
hand the 401 to gptel's callback instead, as url.el does once it
has sent credentials: gptel reads the provider's body and its
request ends in failure."
  (if (and (not proxy)
           (gptel-diagnose--gptel-url-buffer-p (current-buffer))
           (not (gptel-diagnose--url-can-answer-challenge-p)))
      (progn (gptel-diagnose--log "url.el: HTTP 401 handed to gptel, no prompt")
             t)
    (apply orig proxy args)))

;;;; url.el's unresolved host

(defvar url-http-process)
(defvar url-http-connection-opened)
(defvar url-current-object)
(declare-function url-host "url-parse")
(declare-function url-http-async-sentinel "url-http")

(defconst gptel-diagnose--url-watch-interval 0.5
  "Seconds between two looks at a url.el connection being made.")

(defconst gptel-diagnose--url-watch-limit 600
  "Looks at one url.el connection before giving up watching it.")

(defun gptel-diagnose--after-url-http (buffer)
  "Watch the connection url.el is making for BUFFER; return BUFFER.
Used as `url-http' :filter-return advice."
  (gptel-diagnose--safely
    (when (and (bufferp buffer)
               (eq (gptel-diagnose--url-connection-status buffer) 'connect))
      (gptel-diagnose--look-at-url-connection-later buffer 1 nil)))
  buffer)

(defun gptel-diagnose--look-at-url-connection-later (buffer count failed-before)
  "Look at the connection of url.el's BUFFER again soon.
COUNT and FAILED-BEFORE are passed on to
`gptel-diagnose--check-url-connection'."
  (run-with-timer gptel-diagnose--url-watch-interval nil
                  #'gptel-diagnose--check-url-connection buffer count failed-before))

(defun gptel-diagnose--url-connection-status (buffer)
  "The status of the connection of url.el's BUFFER, or nil."
  (let ((process (buffer-local-value 'url-http-process buffer)))
    (and (processp process) (process-status process))))

(defun gptel-diagnose--check-url-connection (buffer count failed-before)
  "Look again at the connection of url.el's BUFFER, seen COUNT times.
A host whose name does not resolve fails the connection without
running its sentinel (Emacs sets the status and says nothing), so
url.el never calls back and gptel stays at \"Querying...\".  When
the connection of a gptel request is seen failed twice in a row,
FAILED-BEFORE being the first time, run url.el's sentinel as Emacs
would have: gptel gets its callback, and the request fails."
  (gptel-diagnose--safely
    ;; Only while watching: `gptel-diagnose-mode' turned off stops the looks too.
    (when (and gptel-diagnose--gptel-handler
               (buffer-live-p buffer) (< count gptel-diagnose--url-watch-limit))
      (let ((status (gptel-diagnose--url-connection-status buffer)))
        (cond
         ((eq status 'connect)
          (gptel-diagnose--look-at-url-connection-later buffer (1+ count) nil))
         ((and (eq status 'failed)
               (not (buffer-local-value 'url-http-connection-opened buffer))
               (gptel-diagnose--gptel-url-buffer-p buffer))
          (if (not failed-before)
              (gptel-diagnose--look-at-url-connection-later buffer (1+ count) t)
            (with-current-buffer buffer
              (let ((reason (format "Name lookup of %s failed" (url-host url-current-object)))
                    (fsm (car-safe (cdr-safe (assq buffer gptel--request-alist)))))
                (when fsm (puthash fsm reason gptel-diagnose--url-failures))
                (gptel-diagnose--log "url.el: %s, with no sentinel run: running it" reason)
                (url-http-async-sentinel url-http-process
                                         (format "failed with code -1: %s\n" reason)))))))))))

(defvar gptel-diagnose--idle-timer nil
  "Timer that starts the server when Emacs is idle and gptel is loaded, or nil.")

(defun gptel-diagnose--warm-up-for-gptel ()
  "Start the server in the background if gptel is loaded: a request may come.
The first failure is then explained as fast as the later ones."
  (when (featurep 'gptel-request)
    (gptel-diagnose--safely (gptel-diagnose--warm-up))))

;;;; Watching

(defun gptel-diagnose--gptel-watch (handler)
  "Call HANDLER with every failed gptel request from now on; nil stops watching.
HANDLER receives the plist described in `gptel-diagnose--gptel-handler'.
While watching, the server is started ahead of need: when a request
is sent, and when Emacs is idle with gptel loaded."
  (setq gptel-diagnose--gptel-handler handler)
  (when gptel-diagnose--idle-timer
    (cancel-timer gptel-diagnose--idle-timer)
    (setq gptel-diagnose--idle-timer nil))
  (if handler
      (progn
        (advice-add 'gptel--fsm-transition :around #'gptel-diagnose--around-transition)
        (advice-add 'gptel--get-api-key :filter-return #'gptel-diagnose--note-key-shape)
        (advice-add 'url-http-parse-headers :around
                    #'gptel-diagnose--around-url-parse-headers)
        (advice-add 'url-http-handle-authentication :around
                    #'gptel-diagnose--around-url-authentication)
        (advice-add 'url-http :filter-return #'gptel-diagnose--after-url-http)
        (setq gptel-diagnose--idle-timer
              (run-with-idle-timer 2 t #'gptel-diagnose--warm-up-for-gptel)))
    (advice-remove 'gptel--fsm-transition #'gptel-diagnose--around-transition)
    (advice-remove 'gptel--get-api-key #'gptel-diagnose--note-key-shape)
    (advice-remove 'url-http-parse-headers #'gptel-diagnose--around-url-parse-headers)
    (advice-remove 'url-http-handle-authentication
                   #'gptel-diagnose--around-url-authentication)
    (advice-remove 'url-http #'gptel-diagnose--after-url-http)))

;;;; Replaying with curl

(declare-function gptel--json-encode "gptel-request")

(defconst gptel-diagnose--key-placeholder "GPTEL-DIAGNOSE-KEY-PLACEHOLDER"
  "Stands for the key while the request's headers are rebuilt.")

(defun gptel-diagnose--call-with-info (function info)
  "Call FUNCTION with INFO, or with no argument (gptel before 0.9.9.5)."
  (condition-case nil
      (funcall function info)
    (wrong-number-of-arguments (funcall function))))

(defun gptel-diagnose--shell-quote (string)
  "STRING quoted for a POSIX shell, in single quotes."
  (concat "'" (replace-regexp-in-string "'" "'\\\\''" string t t) "'"))

(defun gptel-diagnose--keyed-arg (text env)
  "TEXT as a shell word, redacted; the key's placeholder in it becomes \"$ENV\"."
  (if (string-search gptel-diagnose--key-placeholder text)
      (let ((parts (split-string text (regexp-quote gptel-diagnose--key-placeholder))))
        (concat (gptel-diagnose--shell-quote (gptel-diagnose--redact (car parts)))
                "\"$" env "\""
                (if (string-empty-p (cadr parts)) ""
                  (gptel-diagnose--shell-quote (gptel-diagnose--redact (cadr parts))))))
    (gptel-diagnose--shell-quote (gptel-diagnose--redact text))))

(defun gptel-diagnose--header-arg (name value env)
  "A curl -H argument for header NAME with VALUE; the key becomes \"$ENV\"."
  (gptel-diagnose--keyed-arg (format "%s: %s" name value) env))

(defun gptel-diagnose--gptel-curl (fsm env)
  "The curl command that replays FSM's request, with the key read from $ENV.
Return nil when FSM is not a request, and for backends whose credentials
do not fit a header
\=(Copilot's OAuth, Bedrock's signed requests, ChatGPT OAuth).
The command is built in the request's own buffer with its backend,
model and streaming, wherever it is called from: Gemini's URL, for
one, names the model."
  (let* ((info (and (gptel-fsm-p fsm) (gptel-fsm-info fsm)))
         (backend (plist-get info :backend))
         (data (and info (or (gethash fsm gptel-diagnose--sent-data)
                             (plist-get info :data))))
         (type (and backend (type-of backend))))
    (when (and backend (consp data)
               (not (memq type '(gptel--gh gptel-bedrock gptel-openai-oauth))))
      (with-current-buffer (let ((buffer (plist-get info :buffer)))
                             (if (buffer-live-p buffer) buffer (current-buffer)))
        (gptel-diagnose--curl-in-buffer info backend data env)))))

(defun gptel-diagnose--curl-in-buffer (info backend data env)
  "The curl command for the request with INFO, BACKEND and payload DATA.
The key is read from $ENV.  Called in the request's buffer."
  (let* ((gptel-backend backend)
         (gptel-model (or (plist-get info :model)
                          (and (boundp 'gptel-model) gptel-model)))
         (gptel-stream (if (plist-member info :stream) (plist-get info :stream)
                         (and (boundp 'gptel-stream) gptel-stream)))
         ;; The URL and the headers, with the placeholder where gptel puts the key (a
         ;; header; the URL for Gemini before gptel 0.9.9.5): the shell reads it from
         ;; the environment.
         (keyed (cl-letf (((symbol-function 'gptel--get-api-key)
                           (lambda (&rest _) gptel-diagnose--key-placeholder)))
                  (mapcar (lambda (slot)
                            (let ((value (gptel-diagnose--slot backend slot)))
                              (if (functionp value)
                                  (gptel-diagnose--call-with-info value info)
                                value)))
                          '(url header))))
         (url (car keyed))
         (headers (cadr keyed))
         (proxy (gptel-diagnose--proxy (current-buffer)))
         ;; gptel's own arguments for gptel-proxy, then the user's, with their
         ;; credentials (a password in a URL, --proxy-user's) taken out.
         (args (append (and proxy (list "--proxy" (gptel-diagnose--strip-userinfo proxy)
                                        "--proxy-negotiate" "--proxy-user" ":"))
                       (gptel-diagnose--redact-curl-args
                        (gptel-diagnose--curl-args (current-buffer) backend))))
         (body (if (fboundp 'gptel--json-encode) (gptel--json-encode data)
                 (json-encode data))))
    (when (stringp url)
      (concat
       "curl --location --silent --show-error --compressed -XPOST -D-"
       (mapconcat (lambda (arg) (concat " " (gptel-diagnose--shell-quote arg))) args "")
       " \\\n  -H 'Content-Type: application/json'"
       (mapconcat (lambda (header)
                    (concat " \\\n  -H "
                            (gptel-diagnose--header-arg (car header) (cdr header) env)))
                  (seq-filter (lambda (h) (and (consp h) (cdr h))) headers) "")
       " \\\n  --data-binary @- " (gptel-diagnose--keyed-arg url env)
       " <<'GPTEL_JSON'\n" (gptel-diagnose--redact body) "\nGPTEL_JSON\n"))))

;;;; The checkup

(defun gptel-diagnose--settings-params (buffer backend)
  "The gptel settings a checkup needs, as seen from BUFFER, for BACKEND."
  (let ((proxy (gptel-diagnose--proxy buffer)))
    (list :proxy (and proxy (gptel-diagnose--clean-string proxy))
          :curl_args (vconcat (mapcar #'gptel-diagnose--clean-string
                                      (seq-filter #'stringp
                                                  (gptel-diagnose--curl-args buffer
                                                                             backend))))
          :use_curl (gptel-diagnose--bool
                     (gptel-diagnose--buffer-value 'gptel-use-curl buffer))
          :stream (gptel-diagnose--bool (gptel-diagnose--buffer-value 'gptel-stream buffer))
          :log_level (let ((v (gptel-diagnose--buffer-value 'gptel-log-level buffer)))
                       (and v (format "%s" v))))))

(declare-function gptel--get-api-key "gptel-request")

(defun gptel-diagnose--resolve-key (backend)
  "BACKEND's key, resolved as gptel resolves it (string, function, auth-source).
Nil when there is none or resolving it fails.  Never shown."
  (condition-case nil
      (let ((gptel-backend backend))
        (and (fboundp 'gptel--get-api-key) (gptel-diagnose--slot backend 'key)
             (let ((key (gptel--get-api-key)))
               (and (stringp key) (not (string-empty-p key)) key))))
    (error nil)))

(defun gptel-diagnose--check-params (buffer)
  "The `check' params for the gptel setup of BUFFER, key included."
  (let* ((backend (gptel-diagnose--buffer-value 'gptel-backend buffer))
         (model (gptel-diagnose--buffer-value 'gptel-model buffer)))
    (list :backend (gptel-diagnose--backend-params backend)
          :request (list :model (and model (format "%s" model))
                         :gptel_version (gptel-diagnose--gptel-version)
                         :emacs_version emacs-version
                         :curl_version (gptel-diagnose--curl-version))
          :settings (gptel-diagnose--settings-params buffer backend)
          :key (and backend (gptel-diagnose--resolve-key backend))
          :locale (gptel-diagnose--locale))))

(defvar gptel-diagnose--curl-version 'unknown
  "The first line of `curl --version', once known.")

(defvar gptel-diagnose--gptel-version 'unknown
  "The loaded gptel's version when `gptel-version' does not say, once read.")

(declare-function lm-version "lisp-mnt")

(defun gptel-diagnose--gptel-version ()
  "The loaded gptel's version as a string, or nil.
`gptel-version' where gptel defines it (0.9.9.5 and newer); before
that, the Version header of the gptel.el that was loaded, which is
where older gptel kept it."
  (cond ((boundp 'gptel-version) (format "%s" (symbol-value 'gptel-version)))
        ((not (eq gptel-diagnose--gptel-version 'unknown)) gptel-diagnose--gptel-version)
        (t (setq gptel-diagnose--gptel-version
                 (ignore-errors
                   (when-let ((file (or (locate-library "gptel.el" t)
                                        (locate-library "gptel.el.gz" t))))
                     (require 'lisp-mnt)
                     (with-temp-buffer
                       (insert-file-contents file)
                       (lm-version))))))))

(defun gptel-diagnose--curl-version ()
  "The installed curl's version line, or nil."
  (when (eq gptel-diagnose--curl-version 'unknown)
    (setq gptel-diagnose--curl-version
          (when-let ((line (ignore-errors
                             (car (process-lines (or (executable-find "curl") "curl")
                                                 "--version")))))
            ;; "curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/..." -> "curl 7.88.1"
            (string-join (seq-take (split-string line) 2) " "))))
  gptel-diagnose--curl-version)

;;;; Resending

(defun gptel-diagnose--partial-reply (fsm buffer)
  "The region (START . END) of FSM's reply in BUFFER before it failed.
Nil unless all of it is still gptel's response text: a streamed
answer cut short leaves its first words there."
  (let* ((info (and fsm (gptel-fsm-info fsm)))
         (start (plist-get info :position))
         (end (plist-get info :tracking-marker)))
    (and (markerp start) (markerp end)
         (eq (marker-buffer start) buffer) (eq (marker-buffer end) buffer)
         (< start end)
         (with-current-buffer buffer
           (not (text-property-not-all start end 'gptel 'response)))
         (cons (marker-position start) (marker-position end)))))

(defun gptel-diagnose--next-prompt (end)
  "The region (END . point-max) of the empty prompt gptel opened after END.
A chat buffer's request that ended as done gets gptel's separator and
prompt prefix after its reply; nil unless that is all there is after
END, so a prompt the user began is never taken."
  (when (and (bound-and-true-p gptel-mode) (boundp 'gptel-response-separator)
             (fboundp 'gptel-prompt-prefix-string))
    (let ((opened (concat gptel-response-separator (gptel-prompt-prefix-string))))
      (save-excursion
        (goto-char end)
        (and (looking-at (concat (regexp-quote opened) "[ \t\n]*\\'"))
             (cons end (point-max)))))))

(defun gptel-diagnose--reply-lead (start)
  "The region (BEG . START) of what gptel put before the reply at START.
That is `gptel-response-separator' and, in a chat buffer, the response
prefix; nil unless exactly that text is there."
  (when (boundp 'gptel-response-separator)
    (let* ((lead (concat gptel-response-separator
                         (if (and (bound-and-true-p gptel-mode)
                                  (fboundp 'gptel-response-prefix-string))
                             (gptel-response-prefix-string)
                           "")))
           (beg (- start (length lead))))
      (and (>= beg (point-min))
           (string= (buffer-substring-no-properties beg start) lead)
           (cons beg start)))))

(defun gptel-diagnose--gptel-resend (fsm entry buffer position)
  "Resend the failed request FSM, made by ENTRY from BUFFER at POSITION.
A `gptel-send' request is sent anew from where it was made, so it
picks up changed settings; the first words of an answer that broke
off are taken out first, so the new answer takes their place.
Other requests replay their state machine: the same payload, to the
same callback."
  (cond
   ((not (buffer-live-p buffer))
    (user-error "The buffer of the failed request is gone"))
   ((equal entry "send")
    (with-current-buffer buffer
      (save-excursion
        (let* ((partial (gptel-diagnose--partial-reply fsm buffer))
               (opened (and partial (gptel-diagnose--next-prompt (cdr partial))))
               (lead (and partial (gptel-diagnose--reply-lead (car partial)))))
          ;; The new answer gets its own separator before it and its own prompt
          ;; after it: the old ones go too.  Last first, so the others stay put.
          (dolist (region (list opened partial lead))
            (when region
              (delete-region (car region) (cdr region))))
          (cond (lead (goto-char (car lead)))
                ((and position (or (integerp position) (marker-buffer position)))
                 (goto-char position))))
        (gptel-send))))
   (fsm
    ;; The info plist is never empty, so `plist-put' changes it in place.
    (let ((info (gptel-fsm-info fsm)))
      (dolist (key '(:error :status :http-status))
        (plist-put info key nil))
      (with-current-buffer buffer
        (gptel--fsm-transition fsm 'WAIT))))
   (t (user-error "This request cannot be resent"))))

(provide 'gptel-diagnose-gptel)
;;; gptel-diagnose-gptel.el ends here
