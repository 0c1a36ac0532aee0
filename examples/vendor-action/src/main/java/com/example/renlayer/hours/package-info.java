/** An example vendor's policy action: calls outside the tenant's office hours are refused or flagged. */
package com.example.renlayer.hours;
