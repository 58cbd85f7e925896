variable "name" {
  type = string
}

variable "kms_key_arn" {
  description = "Key that encrypts the bucket; null means SSE-S3."
  type        = string
  default     = null
}

variable "versioning" {
  type    = bool
  default = true
}

variable "tags" {
  type    = map(string)
  default = {}
}
