;;; install-as-a-package.el --- Install as users do, then explain a failure  -*- lexical-binding: t -*-

;;; Commentary:

;; Run by tests/e2e/test_install.py in batch Emacs, with a fresh HOME
;; and nothing of this package on the load path:
;;
;;   emacs -Q --batch -l install-as-a-package.el -f gptel-diagnose-pv-main
;;
;; gptel is an installed package (the unpacked Debian packages are
;; on `package-directory-list'); gptel-diagnose is installed as the
;; README says: with `package-vc-install' from the git repository
;; $E2E_REPO and :lisp-dir "elisp" (Emacs 29 or newer), or, as MELPA
;; serves it, with `package-install-file' from the package archive
;; $E2E_PACKAGE_FILE.  Then, with the server run from
;; the sources the package carries ($E2E_PYTHON has its
;; dependencies), a request to the fake provider ($E2E_HOST) fails.
;; Prints one line "PV-RESULT <json>".

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'package)

(load (expand-file-name "echo-recorder" (file-name-directory
                                          (or load-file-name buffer-file-name)))
      nil t)

(defun gptel-diagnose-pv-main ()
  "Install the package, fail a request, print what was seen."
  (setq package-user-dir (expand-file-name "elpa" user-emacs-directory)
        package-archives nil)
  (add-to-list 'package-directory-list (getenv "E2E_ELPA_SRC"))
  (package-initialize)
  (if (getenv "E2E_PACKAGE_FILE")
      (package-install-file (getenv "E2E_PACKAGE_FILE"))
    (package-vc-install `(gptel-diagnose :url ,(getenv "E2E_REPO") :lisp-dir "elisp")))
  (require 'gptel-diagnose)
  (require 'gptel-openai)
  (advice-add 'message :around #'gptel-diagnose-echo-record)
  (let* ((dir (package-desc-dir (cadr (assq 'gptel-diagnose package-alist))))
         (compiled (mapcar (lambda (file) (file-relative-name file dir))
                           (directory-files-recursively dir "\\.elc\\'"))))
    (setq gptel-backend (gptel-make-openai "Fake" :host (getenv "E2E_HOST")
                                           :protocol "http" :key "sk-e2e-package-0000"
                                           :endpoint "/quota/v1/chat/completions"
                                           :models '(gpt-4o-mini))
          gptel-model 'gpt-4o-mini
          gptel-stream nil
          gptel-diagnose-python (getenv "E2E_PYTHON"))
    (gptel-diagnose-mode 1)
    (with-temp-buffer
      (gptel-request "Say hello." :callback #'ignore)
      (let ((deadline (+ (float-time) 60)))
        (while (and (< (float-time) deadline)
                    (not (cl-some (lambda (text) (string-prefix-p "gptel-diagnose: " text))
                                  gptel-diagnose-echo-messages)))
          (accept-process-output nil 0.05))))
    (princ (format "PV-RESULT %s\n"
                   (json-encode
                    (list :installed (if (package-installed-p 'gptel-diagnose) t :json-false)
                          :dir dir
                          :library (locate-library "gptel-diagnose")
                          :sources (or (gptel-diagnose--source-root) :json-false)
                          :compiled (vconcat compiled)
                          :messages (vconcat (reverse gptel-diagnose-echo-messages))))))))

(provide 'install-as-a-package)
;;; install-as-a-package.el ends here
