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
  "Python used by `gptel-diagnose-install-server' to make the private environment.
It also runs the server from this package's sources, when no
installed server is found."
  :type 'string
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-install-extra-args nil
  "Extra arguments for pip (or uv) when `gptel-diagnose-install-server' runs.
For example (\"--find-links\" \"~/wheels\") to install from a folder
of wheels, or (\"--index-url\" \"https://mirror.example/simple\") to
use a mirror of the package index."
  :type '(repeat string)
  :package-version '(gptel-diagnose . "0.1.0"))

(defconst gptel-diagnose-version "0.1.0"
  "This package's version; the server it installs has the same.")


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

(defvar gptel-diagnose--told-older nil
  "Versions of older servers the user was told to upgrade, once each.")

(defvar gptel-diagnose--start-timeout 10
  "Seconds the server has to answer `initialize'.")

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
     ;; Printable ASCII but space, quotes, backquote and & , ; ) > ]: no key has more,
     ;; so prose after a header's name is not taken for one.
     "[!#-%(*+./0-9:<=?-\\^_a-~-]\\{6,\\}"))
  "Secrets recognised by what precedes them (matched ignoring case).")

(defconst gptel-diagnose--scheme-word-regexp
  "\\`\\(?:bearer\\|basic\\|token\\|bot\\)\\(?:[^A-Za-z0-9_-]\\|\\'\\)"
  "An authorization scheme's name alone, where a secret would follow it.")

(defun gptel-diagnose--redact (string)
  "STRING with API keys and tokens replaced by a marker."
  (if (not (stringp string)) string
    ;; Context first, so that "Bearer sk-..." keeps its "Bearer".
    (let ((headerless
           (let ((case-fold-search t))
             (replace-regexp-in-string
              gptel-diagnose--secret-context-regexp
              (lambda (match)
                ;; The match data are MATCH's own.  A text naming the header
                ;; ("`Authorization: Bearer`") has only the scheme word after it;
                ;; a text redacted already has the marker, which stays as it is.
                (let* ((lead (match-string 1 match))
                       (value (substring match (length lead))))
                  (if (or (string-match-p gptel-diagnose--scheme-word-regexp value)
                          (string-prefix-p "<redacted" value))
                      match
                    (concat lead "<redacted>"))))
              string t t))))
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

(defun gptel-diagnose--zh-p ()
  "Non-nil if the companion speaks Chinese."
  (equal (gptel-diagnose--locale) "zh"))

(defconst gptel-diagnose--server-zh
  '(("gptel-diagnose: %s" . "gptel-diagnose：%s")
    ("cannot start" . "无法启动")
    ("server started" . "服务器已启动")
    ("server did not start: %s" . "服务器没有启动：%s")
    ("the server is version %s, older than this package (%s); upgrade it with %s"
     . "服务器版本 %s 比本扩展（%s）旧；请用 %s 升级")
    ("installing the server %s from %s with %s into %s"
     . "正在安装服务器 %s：来源是%s，用 %s 装到 %s")
    ("upgrading the server %s from %s with %s into %s"
     . "正在升级服务器 %s：来源是%s，用 %s 装到 %s")
    ("the package index" . "软件包索引")
    ("%s (see %s)..." . "%s（详见 %s）……")
    ("server %s installed in %.1f s (%s%s)" . "服务器 %s 已安装，用时 %.1f 秒（%s%s）")
    ("%d MB, " . "%d MB，")
    ("installing the server failed: %s; %s (see %s)" . "安装服务器失败：%s；%s（详见 %s）")
    ("Failed: " . "失败：")
    ("Next step: " . "下一步：")
    ("check Python" . "检查 Python")
    ("make the environment" . "创建虚拟环境")
    ("install the server from its sources" . "从源码安装服务器")
    ("install the server from the package index" . "从软件包索引安装服务器")
    ("check the server" . "检查服务器")
    ("%s exited with status %s: %s" . "“%s”这一步失败，退出状态 %s：%s")
    ("%s: %s" . "%s：%s")
    ("%s:" . "%s：")
    ("Python %s is too old: the server needs 3.10 or newer"
     . "Python %s 版本太旧：服务器需要 3.10 或更新的版本")
    ("install Python 3.10 or newer and set `gptel-diagnose-python' to it"
     . "请安装 Python 3.10 或更新的版本，并把 `gptel-diagnose-python' 设为它")
    ("install your system's Python venv package (e.g. python3-venv), or uv"
     . "请安装系统的 Python venv 软件包（例如 python3-venv），或者安装 uv")
    ("the package index does not offer gptel-diagnose %s or one of its dependencies (check the network or proxy, or point `gptel-diagnose-install-extra-args' at --find-links DIR or --index-url URL)"
     . "软件包索引里没有 gptel-diagnose %s 或它的某个依赖（请检查网络或代理，或者让 `gptel-diagnose-install-extra-args' 指向 --find-links DIR 或 --index-url URL，比如国内的 PyPI 镜像）")
    ("check the network connection or proxy (HTTPS_PROXY), or point `gptel-diagnose-install-extra-args' at --find-links DIR or --index-url URL"
     . "请检查网络连接或代理（HTTPS_PROXY），或者让 `gptel-diagnose-install-extra-args' 指向 --find-links DIR 或 --index-url URL，比如国内的 PyPI 镜像")
    ("read the log above, then run M-x gptel-diagnose-install-server again"
     . "请先看上面的日志，再运行一次 M-x gptel-diagnose-install-server"))
  "The server layer's own texts in Simplified Chinese, keyed by their English.
The layer above has the rest (`gptel-diagnose--zh'); the log keeps English.")

(defun gptel-diagnose--translated (table english)
  "ENGLISH in the companion's language, from TABLE of (ENGLISH . CHINESE)."
  (or (and (gptel-diagnose--zh-p) (cdr (assoc english table)))
      english))

(defun gptel-diagnose--st (english)
  "ENGLISH, one of the server layer's texts, in the companion's language."
  (gptel-diagnose--translated gptel-diagnose--server-zh english))

(defun gptel-diagnose--stf (english &rest args)
  "The server layer's format ENGLISH, in the user's language, applied to ARGS."
  (apply #'format (gptel-diagnose--st english) args))

(defun gptel-diagnose--server-say (english &rest args)
  "Show the server layer's ENGLISH, formatted with ARGS, in the user's language."
  (message "%s" (gptel-diagnose--stf "gptel-diagnose: %s"
                                     (apply #'gptel-diagnose--stf english args))))

(defconst gptel-diagnose--start-reasons-zh
  '(("\\`Python \\([0-9.]+\\) is too old: the server needs \\([0-9.]+\\) or newer\\'"
     . "Python \\1 版本太旧：服务器需要 \\2 或更新的版本")
    ("\\`the server is not installed\\'" . "服务器没有安装")
    ("\\`the Python module \\(.+\\) is missing\\'" . "缺少 Python 模块 \\1")
    ("\\`the server's dependencies are not installed: no \\(.+\\)\\'"
     . "服务器的依赖没有安装：缺少 \\1")
    ("\\`a dependency is broken (\\(.+\\))\\'" . "某个依赖已损坏（\\1）")
    ("\\`it exited at start-up with status \\(.+\\)\\'" . "它在启动时就退出了，退出状态 \\1")
    ("\\`it keeps dying; next try in \\([0-9]+\\) s, see M-x gptel-diagnose-show-log\\'"
     . "它反复崩溃；\\1 秒后再试，详见 M-x gptel-diagnose-show-log")
    ("\\`no such program: \\(.+\\)\\'" . "找不到程序：\\1"))
  "Why the server did not start, as the server layer says it, in Chinese.
Each entry is (REGEXP . REPLACEMENT): REGEXP matches the whole
reason, and REPLACEMENT names its groups as \\\\N.")

(defun gptel-diagnose--start-reason (reason)
  "REASON, why the server did not start, in the companion's language.
The server layer words it in English (its log keeps that); a reason
with no translation is shown as it is, and nil reads \"cannot start\"."
  (if (not reason) (gptel-diagnose--st "cannot start")
    (or (and (gptel-diagnose--zh-p)
             (seq-some (lambda (entry)
                         (and (string-match-p (car entry) reason)
                              (replace-regexp-in-string (car entry) (cdr entry) reason t)))
                       gptel-diagnose--start-reasons-zh))
        reason)))

;;;; The server process

(defconst gptel-diagnose--lisp-directory
  (file-name-directory (or load-file-name buffer-file-name default-directory))
  "The directory this file was loaded from.")

(defun gptel-diagnose--project-p (dir)
  "Non-nil if this project's server sources are in DIR.
Its pyproject.toml must name the project gptel-diagnose: an
unrelated Python project that happens to sit there is never used."
  (let ((file (expand-file-name "pyproject.toml" dir)))
    (and (file-directory-p (expand-file-name "server/gptel_diagnose" dir))
         (file-readable-p file)
         (with-temp-buffer
           (insert-file-contents file)
           (goto-char (point-min))
           (and (re-search-forward "^\\[project\\][ \t]*$" nil t)
                (let ((end (save-excursion
                             (if (re-search-forward "^\\[" nil t) (point) (point-max)))))
                  (re-search-forward
                   "^name[ \t]*=[ \t]*[\"']gptel-diagnose[\"'][ \t]*\\(?:#.*\\)?$" end t)))))))

(defun gptel-diagnose--source-root ()
  "Return the directory of this package's server sources, or nil if none.
A MELPA, straight or elpaca install puts them beside this file; a
checkout (or package-vc with :lisp-dir \"elisp\") in the parent."
  (let ((dir (directory-file-name gptel-diagnose--lisp-directory)))
    (seq-find #'gptel-diagnose--project-p
              (list dir (directory-file-name (file-name-directory dir))))))

(defun gptel-diagnose--venv-dir ()
  "Return the directory of the server's private environment."
  (expand-file-name "gptel-diagnose/venv" user-emacs-directory))

(defun gptel-diagnose--venv-script ()
  "The server script in the private environment, or nil if absent."
  (let ((script (expand-file-name "bin/gptel-diagnose-server" (gptel-diagnose--venv-dir))))
    (and (file-executable-p script) script)))

(defun gptel-diagnose--server-command ()
  "Return the server's command line, a list of strings; nil if none is installed."
  (or gptel-diagnose-server-command
      (when-let ((script (gptel-diagnose--venv-script))) (list script))
      (when-let ((exe (executable-find "gptel-diagnose-server"))) (list exe))
      ;; The sources beside the package run as they are, if their
      ;; dependencies happen to be installed; a start failure says if not.
      (when (gptel-diagnose--source-root)
        (list (or (executable-find gptel-diagnose-python) gptel-diagnose-python)
              "-m" "gptel_diagnose"))))

(defun gptel-diagnose--server-environment ()
  "`process-environment' for the server: this package's server/ on PYTHONPATH."
  (let ((root (gptel-diagnose--source-root)))
    (if (and root (null gptel-diagnose-server-command)
             (not (gptel-diagnose--venv-script)))
        (cons (concat "PYTHONPATH=" (expand-file-name "server" root)
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
      (set-process-sentinel process (gptel-diagnose--quiet-sentinel sentinel))
      conn)))

(defun gptel-diagnose--quiet-sentinel (sentinel)
  "SENTINEL, jsonrpc's, without its \"[jsonrpc] Server exited\" message.
That message would cover our line; the log buffer records deaths
instead.  Only jsonrpc's own messages are muted: binding the
variable `inhibit-message' instead would also mute whatever runs nested
while the sentinel waits for the server's last stderr output,
such as gptel's own error message for a request that fails then."
  (lambda (proc event)
    (cl-letf (((symbol-function 'jsonrpc--message) #'ignore))
      (funcall sentinel proc event))))

(defun gptel-diagnose--stderr-text (conn)
  "Everything CONN's server wrote on stderr so far, waiting briefly for the rest."
  (let ((stderr (ignore-errors (jsonrpc-stderr-buffer conn))))
    (when (buffer-live-p stderr)
      ;; A dead server's last words may still be in the pipe.
      (let ((pipe (get-buffer-process stderr))
            (deadline (+ (float-time) 0.5)))
        (while (and pipe (process-live-p pipe)
                    (not (process-live-p (jsonrpc--process conn)))
                    (< (float-time) deadline))
          (accept-process-output pipe 0.05)))
      (with-current-buffer stderr (buffer-string)))))

(defun gptel-diagnose--keep-stderr (conn)
  "Copy CONN's stderr into the log buffer, which outlives restarts."
  (let ((text (gptel-diagnose--stderr-text conn))
        (process (jsonrpc--process conn)))
    (when (and text (> (length text) (or (process-get process 'gptel-diagnose-logged) 0)))
      (gptel-diagnose--log "server stderr:\n%s"
                           (string-trim-right
                            (substring text (or (process-get process 'gptel-diagnose-logged)
                                                0))))
      (process-put process 'gptel-diagnose-logged (length text)))))

(defun gptel-diagnose--start-failure-reason (stderr status)
  "Why a server that died before answering `initialize' could not start.
STDERR is what it wrote, STATUS its exit status.  One phrase, for
the echo line; the log keeps the whole text."
  (let ((stderr (or stderr "")))
    (cond
     ((string-match "needs Python \\([0-9.]+\\) or newer; this is Python \\([0-9.]+\\)"
                    stderr)
      (format "Python %s is too old: the server needs %s or newer"
              (match-string 2 stderr) (match-string 1 stderr)))
     ((string-match "No module named '\\([^'.]+\\)" stderr)
      (let ((module (match-string 1 stderr)))
        (cond ((equal module "gptel_diagnose") "the server is not installed")
              ;; The sources are there but not their dependencies: a checkout run
              ;; before M-x gptel-diagnose-install-server.
              ((member module '("pydantic" "pydantic_core" "pylsp_jsonrpc" "httpx"))
               (format "the server's dependencies are not installed: no %s" module))
              (t (format "the Python module %s is missing" module)))))
     ((string-match "^\\(ImportError: [^\n]+\\)" stderr)
      (format "a dependency is broken (%s)" (match-string 1 stderr)))
     (t (format "it exited at start-up with status %s" status)))))

(defun gptel-diagnose--backoff ()
  "Seconds to wait before starting the server again, after recent deaths."
  (let* ((now (float-time))
         (recent (seq-filter (lambda (time) (< (- now time) 300)) gptel-diagnose--deaths)))
    (setq gptel-diagnose--deaths recent)
    (if (< (length recent) 2) 0
      (min 60 (expt 2 (length recent))))))

(defun gptel-diagnose--on-shutdown (conn)
  "Forget CONN once its process has died; back off after repeated deaths.
A server that dies before answering `initialize' did not start:
that says why (a missing module, an old Python), and is no crash."
  (let ((process (jsonrpc--process conn)))
    (gptel-diagnose--keep-stderr conn)
    (cond
     ((process-get process 'gptel-diagnose-stopping))
     ((not (process-get process 'gptel-diagnose-ready))
      (let ((why (gptel-diagnose--start-failure-reason
                  (gptel-diagnose--stderr-text conn) (process-exit-status process))))
        (gptel-diagnose--log "server did not start: %s" why)
        (setq gptel-diagnose--start-error why)
        (process-put process 'gptel-diagnose-start-error why)
        (dolist (waiting (nreverse (process-get process 'gptel-diagnose-waiting)))
          (gptel-diagnose--safely (funcall waiting why)))
        (process-put process 'gptel-diagnose-waiting nil)))
     (t
      (push (float-time) gptel-diagnose--deaths)
      (setq gptel-diagnose--not-before (+ (float-time) (gptel-diagnose--backoff)))
      (gptel-diagnose--log "server died (exit status %s)" (process-exit-status process)))))
  (when (eq conn gptel-diagnose--connection)
    (setq gptel-diagnose--connection nil)))

(defun gptel-diagnose--when-start-failed (conn function)
  "Call FUNCTION with why CONN's server did not start, once that is known."
  (let* ((process (jsonrpc--process conn))
         (why (process-get process 'gptel-diagnose-start-error)))
    (if why (funcall function why)
      (process-put process 'gptel-diagnose-waiting
                   (cons function (process-get process 'gptel-diagnose-waiting))))))

(defun gptel-diagnose--ready-p (conn)
  "Non-nil if CONN's server has answered `initialize'."
  (process-get (jsonrpc--process conn) 'gptel-diagnose-ready))

(defun gptel-diagnose--start-failed-p (conn)
  "Non-nil if CONN's server died, unasked, before answering `initialize'."
  (let ((process (jsonrpc--process conn)))
    (not (or (process-live-p process)
             (process-get process 'gptel-diagnose-ready)
             (process-get process 'gptel-diagnose-stopping)))))

(defun gptel-diagnose--initialized (conn result)
  "Note that CONN's server answered `initialize' with RESULT; compare versions."
  (let* ((process (jsonrpc--process conn))
         (info (and (listp result) (plist-get result :serverInfo)))
         (version (and (listp info) (plist-get info :version))))
    (process-put process 'gptel-diagnose-ready t)
    (process-put process 'gptel-diagnose-version version)
    (gptel-diagnose--log "server %s ready" (or version "(version unknown)"))
    ;; A server that does not say its version (a custom command) is not
    ;; told it is old: the log says what it answered.
    (when (and (stringp version)
               (ignore-errors (version< version gptel-diagnose-version))
               (not (member version gptel-diagnose--told-older)))
      (push version gptel-diagnose--told-older)
      (gptel-diagnose--server-say
       "the server is version %s, older than this package (%s); upgrade it with %s"
       version gptel-diagnose-version "M-x gptel-diagnose-install-server"))))

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
        (let* ((command (or (gptel-diagnose--server-command)
                            (error "The server is not installed")))
               (conn (if (gptel-diagnose--executable command)
                         (gptel-diagnose--make-connection command)
                       (error "No such program: %s" (car command)))))
          (setq gptel-diagnose--connection conn
                gptel-diagnose--start-error nil)
          (add-hook 'kill-emacs-hook #'gptel-diagnose--stop-at-exit)
          (gptel-diagnose--log "server started: %s" (string-join command " "))
          (jsonrpc-async-request
           conn :initialize
           (list :processId (emacs-pid)
                 :clientInfo (list :name "gptel-diagnose" :version gptel-diagnose-version)
                 :locale (gptel-diagnose--locale))
           :success-fn (lambda (result)
                         (gptel-diagnose--safely (gptel-diagnose--initialized conn result)))
           :error-fn (lambda (err)
                       (gptel-diagnose--log "initialize failed: %s" (plist-get err :message)))
           :timeout-fn (lambda ()
                         (gptel-diagnose--log "initialize: no answer in %s s"
                                              gptel-diagnose--start-timeout))
           :timeout gptel-diagnose--start-timeout)
          conn)
      (error
       (setq gptel-diagnose--connection nil
             gptel-diagnose--start-error (let ((text (error-message-string err)))
                                           (concat (downcase (substring text 0 1))
                                                   (substring text 1))))
       (gptel-diagnose--log "server did not start: %s" gptel-diagnose--start-error)
       nil)))))

(defun gptel-diagnose--warm-up ()
  "Start the server in the background, so that it is up when a failure comes.
Does nothing if it runs already, is known not to start, or is
backing off after crashes."
  (unless (or (and gptel-diagnose--connection
                   (jsonrpc-running-p gptel-diagnose--connection))
              gptel-diagnose--start-error
              (< (float-time) gptel-diagnose--not-before)
              (null (gptel-diagnose--server-command)))
    (gptel-diagnose--connection)))

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
                         (if (gptel-diagnose--start-failed-p conn)
                             ;; It died before it was up: say why it did not start.
                             (gptel-diagnose--when-start-failed
                              conn (lambda (why)
                                     (finish nil (list :kind 'not-started :message why))))
                           (finish nil (list :kind 'error
                                             :message (plist-get err :message)))))
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

;;;; Installing the server

(defvar gptel-diagnose--install-process nil
  "The process of the install under way, or nil.")

(defconst gptel-diagnose--install-buffer "*gptel-diagnose install*"
  "Name of the buffer that shows the install.")

(defconst gptel-diagnose--install-environment
  '("NO_COLOR=1" "TERM=dumb" "PIP_PROGRESS_BAR=off" "PIP_NO_INPUT=1"
    "PIP_DISABLE_PIP_VERSION_CHECK=1" "UV_NO_PROGRESS=1" "PYTHONUNBUFFERED=1")
  "Environment of the install's tools: plain lines, no colour, no progress bars.")

(defun gptel-diagnose--abbreviate (file)
  "FILE as the user knows it, with ~ for the home directory."
  (abbreviate-file-name (directory-file-name file)))

(defun gptel-diagnose--install-plan (python venv &optional source uv)
  "Return the plan to install the server into VENV: a list of plists.
PYTHON makes the environment.  SOURCE is the directory of this
project's sources, or nil to install `gptel-diagnose-version' from
the package index.  UV is the uv program, or nil for pip.  Each
step has :title and :command; the environment is made only if
missing, so that running again upgrades it in place."
  (let* ((venv-python (expand-file-name "bin/python" venv))
         (spec (if source (directory-file-name source)
                 (concat "gptel-diagnose==" gptel-diagnose-version)))
         (extra gptel-diagnose-install-extra-args))
    (delq nil
          (list
           (list :title "check Python" :check 'python
                 :command (list python "-c" (concat "import sys; print('%d.%d' % "
                                                    "sys.version_info[:2])")))
           (unless (file-executable-p venv-python)
             (list :title "make the environment"
                   :command (if uv (list uv "venv" "--python" python venv)
                              (list python "-m" "venv" venv))))
           (list :title (if source "install the server from its sources"
                          "install the server from the package index")
                 :command (if uv
                              (append (list uv "pip" "install" "--python" venv-python
                                            "--upgrade")
                                      (and source '("--reinstall-package" "gptel-diagnose"))
                                      (list spec) extra)
                            (append (list venv-python "-m" "pip" "install" "--upgrade"
                                          "--progress-bar" "off" spec)
                                    extra)))
           (list :title "check the server" :check 'version
                 :command (list (expand-file-name "bin/gptel-diagnose-server" venv)
                                "--version"))))))

(defun gptel-diagnose--install-text (text &optional english)
  "TEXT, a list (FORMAT . ARGS), as a string in the user's language.
An argument that is such a list is a text too.  With ENGLISH
non-nil, the string is in English (for the log)."
  (apply #'format (if english (car text) (gptel-diagnose--st (car text)))
         (mapcar (lambda (arg)
                   (if (consp arg) (gptel-diagnose--install-text arg english) arg))
                 (cdr text))))

(defun gptel-diagnose--install-next-step (output)
  "What to do after an install failed with OUTPUT: a text (FORMAT . ARGS)."
  (cond
   ((string-match-p "needs 3.10 or newer\\|requires a different Python\\|Requires-Python"
                    output)
    '("install Python 3.10 or newer and set `gptel-diagnose-python' to it"))
   ((string-match-p "No module named venv\\|ensurepip is not available" output)
    '("install your system's Python venv package (e.g. python3-venv), or uv"))
   ((string-match-p (concat "Could not find a version\\|No matching distribution"
                            "\\|not found in the package registry\\|No solution found")
                    output)
    (list (concat "the package index does not offer gptel-diagnose %s"
                  " or one of its dependencies (check the network or proxy, or point"
                  " `gptel-diagnose-install-extra-args' at --find-links DIR or --index-url URL)")
          gptel-diagnose-version))
   ((string-match-p (concat "NewConnectionError\\|Temporary failure in name resolution"
                            "\\|Name or service not known\\|Network is unreachable"
                            "\\|ProxyError\\|SSLError\\|CERTIFICATE_VERIFY_FAILED"
                            "\\|timed out\\|Failed to fetch\\|dns error\\|error sending request")
                    output)
    (list (concat "check the network connection or proxy (HTTPS_PROXY), or point"
                  " `gptel-diagnose-install-extra-args' at --find-links DIR or --index-url URL")))
   (t '("read the log above, then run M-x gptel-diagnose-install-server again"))))

(defun gptel-diagnose--install-insert (buffer &rest strings)
  "Append STRINGS to the install BUFFER."
  (when (buffer-live-p buffer)
    (with-current-buffer buffer
      (let ((inhibit-read-only t)
            (moving (= (point) (point-max))))
        (save-excursion
          (goto-char (point-max))
          (apply #'insert strings))
        (when moving (goto-char (point-max)))))))

(defun gptel-diagnose--install-filter (process output)
  "Append PROCESS's OUTPUT to its buffer, as plain lines."
  (let ((clean (replace-regexp-in-string
                "\r\n?" "\n"
                (replace-regexp-in-string "\e\\[[0-9;?]*[A-Za-z]" "" output))))
    (process-put process 'gptel-diagnose-output
                 (concat (process-get process 'gptel-diagnose-output) clean))
    (gptel-diagnose--install-insert (process-buffer process) clean)))

(defun gptel-diagnose--sentence (text)
  "TEXT with its first letter in upper case."
  (concat (upcase (substring text 0 1)) (substring text 1)))

(defun gptel-diagnose--last-lines (text n)
  "The last N non-blank lines of TEXT, joined by newlines."
  (string-join (last (seq-remove #'string-blank-p
                                 (mapcar #'string-trim (split-string (or text "") "\n")))
                     n)
               "\n"))

(defun gptel-diagnose--install-finish (state ok &optional why output)
  "End the install described by STATE: OK, or failed because of WHY.
WHY is a text (FORMAT . ARGS); OUTPUT is the failing step's output.
The user reads the result in their language, the log in English."
  (setq gptel-diagnose--install-process nil)
  (let ((buffer (plist-get state :buffer))
        (seconds (- (float-time) (plist-get state :start))))
    (if (not ok)
        (let ((next (gptel-diagnose--install-next-step (or output ""))))
          (gptel-diagnose--install-insert
           buffer "\n" (gptel-diagnose--st "Failed: ") (gptel-diagnose--install-text why)
           "\n" (gptel-diagnose--st "Next step: ") (gptel-diagnose--install-text next) "\n")
          (gptel-diagnose--log "install failed: %s" (gptel-diagnose--install-text why t))
          (gptel-diagnose--server-say "installing the server failed: %s; %s (see %s)"
                                      (gptel-diagnose--install-text why)
                                      (gptel-diagnose--install-text next)
                                      gptel-diagnose--install-buffer))
      (let* ((venv (plist-get state :venv))
             (size (plist-get state :size))
             (line (list "server %s installed in %.1f s (%s%s)"
                         (or (plist-get state :version) "?") seconds
                         (if size (list "%d MB, " size) "")
                         (gptel-diagnose--abbreviate venv))))
        (setq gptel-diagnose--start-error nil gptel-diagnose--deaths nil
              gptel-diagnose--not-before 0 gptel-diagnose--told-older nil)
        ;; The running server is the old one: replace it.
        (when gptel-diagnose--connection
          (gptel-diagnose--stop gptel-diagnose--connection)
          (gptel-diagnose--connection))
        (gptel-diagnose--install-insert
         buffer "\n" (gptel-diagnose--sentence (gptel-diagnose--install-text line)) "\n")
        (gptel-diagnose--log "%s" (gptel-diagnose--install-text line t))
        (gptel-diagnose--server-say "%s" (gptel-diagnose--install-text line))))))

(defun gptel-diagnose--install-size (state)
  "Measure the environment of STATE in MB, then finish the install."
  (let ((du (executable-find "du"))
        (output ""))
    (if (not du) (gptel-diagnose--install-finish state t)
      (make-process
       :name "gptel-diagnose-install-du" :noquery t :connection-type 'pipe
       :command (list du "-sk" (plist-get state :venv))
       :filter (lambda (_ text) (setq output (concat output text)))
       :sentinel (lambda (process _event)
                   (unless (process-live-p process)
                     (when (string-match "\\`\\([0-9]+\\)" output)
                       (setq state (plist-put state :size
                                              (round (string-to-number (match-string 1 output))
                                                     1024))))
                     (gptel-diagnose--install-finish state t)))))))

(defun gptel-diagnose--install-run (state steps)
  "Run the install, one step after the other, without waiting.
The steps left are STEPS; STATE is shared by them."
  (if (null steps) (gptel-diagnose--install-size state)
    (let* ((step (car steps))
           (command (plist-get step :command))
           (buffer (plist-get state :buffer))
           (process-environment (append gptel-diagnose--install-environment
                                        process-environment))
           (default-directory temporary-file-directory))
      (gptel-diagnose--install-insert
       buffer (format "\n%s\n$ %s\n"
                      (gptel-diagnose--stf "%s:" (gptel-diagnose--sentence
                                                  (gptel-diagnose--st (plist-get step :title))))
                      (combine-and-quote-strings
                       (mapcar (lambda (arg) (if (file-name-absolute-p arg)
                                                 (abbreviate-file-name arg)
                                               arg))
                               command))))
      (condition-case err
          (setq gptel-diagnose--install-process
                (make-process
                 :name "gptel-diagnose-install" :buffer buffer :noquery t
                 :connection-type 'pipe :command command :file-handler nil
                 :filter #'gptel-diagnose--install-filter
                 :sentinel
                 (lambda (process _event)
                   (unless (process-live-p process)
                     (gptel-diagnose--install-step-done
                      state step steps (process-exit-status process)
                      (process-get process 'gptel-diagnose-output))))))
        (error (gptel-diagnose--install-finish
                state nil (list "%s: %s" (list (plist-get step :title))
                                (error-message-string err))))))))

(defun gptel-diagnose--install-step-done (state step steps status output)
  "Go on with the install, or stop, after STEP ended with STATUS and OUTPUT.
The steps left are STEPS, STEP first; STATE is the install's."
  (let* ((check (plist-get step :check))
         (value (and (stringp output)
                     (car (last (split-string (string-trim output) "[ \n]+")))))
         (old-python (and (eq check 'python) (zerop status) value
                          (version< value "3.10"))))
    (cond
     ((or (not (zerop status)) old-python)
      (let ((why (if old-python
                     (list "Python %s is too old: the server needs 3.10 or newer" value)
                   (list "%s exited with status %s: %s" (list (plist-get step :title)) status
                         (gptel-diagnose--last-lines output 1)))))
        (gptel-diagnose--install-finish state nil why
                                        (if old-python (gptel-diagnose--install-text why t)
                                          output))))
     (t
      (when (eq check 'version) (setq state (plist-put state :version value)))
      (gptel-diagnose--install-run state (cdr steps))))))

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
      (gptel-diagnose--server-say "server started")
    (gptel-diagnose--server-say "server did not start: %s"
                                (gptel-diagnose--start-reason gptel-diagnose--start-error))))

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
  "Install the server, or upgrade it, into a private environment.
The environment lives under `user-emacs-directory'.  The server
comes from this package's own sources when they are beside it,
else from the package index, in the version of this package,
with uv when it is installed, else with pip.
`gptel-diagnose-install-extra-args' adds arguments (a mirror, a
folder of wheels).  Runs in the background, shows its progress
in a buffer, and restarts the server when done."
  (interactive)
  (when (process-live-p gptel-diagnose--install-process)
    (user-error "An install of the gptel-diagnose server is already running (see %s)"
                gptel-diagnose--install-buffer))
  (let* ((python (or (executable-find gptel-diagnose-python)
                     (user-error "Cannot find %s: install Python 3.10 or newer, %s"
                                 gptel-diagnose-python
                                 "or set `gptel-diagnose-python'")))
         (venv (gptel-diagnose--venv-dir))
         (source (gptel-diagnose--source-root))
         (uv (executable-find "uv"))
         (upgrade (file-executable-p (expand-file-name "bin/python" venv)))
         (buffer (get-buffer-create gptel-diagnose--install-buffer))
         (start (list (if upgrade "upgrading the server %s from %s with %s into %s"
                        "installing the server %s from %s with %s into %s")
                      gptel-diagnose-version
                      (if source (gptel-diagnose--abbreviate source) '("the package index"))
                      (if uv "uv" "pip") (gptel-diagnose--abbreviate venv))))
    (make-directory (file-name-directory (directory-file-name venv)) t)
    (with-current-buffer buffer
      (special-mode)
      (let ((inhibit-read-only t))
        (erase-buffer)
        (insert (propertize (gptel-diagnose--stf "gptel-diagnose: %s"
                                                 (gptel-diagnose--install-text start))
                            'face 'bold)
                "\n")))
    (display-buffer buffer)
    (gptel-diagnose--log "%s" (gptel-diagnose--install-text start t))
    (gptel-diagnose--server-say "%s (see %s)..." (gptel-diagnose--install-text start)
                                gptel-diagnose--install-buffer)
    (gptel-diagnose--install-run
     (list :buffer buffer :venv venv :start (float-time))
     (gptel-diagnose--install-plan python venv source uv))))


(provide 'gptel-diagnose-server)
;;; gptel-diagnose-server.el ends here
